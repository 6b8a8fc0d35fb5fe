/* entities.c - the article's entity table, recency and short forms (see
 * entities.h).
 *
 * The string tables outlive an article (allocating them per article costs
 * more than the extraction): entries from earlier articles are told apart
 * by the article generation (x->gen).
 */
#include "entities.h"

#include "words.h"
#include "relnet/pos.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

uint32_t x_str(struct rn_extractor *x, const char *s, size_t n)
{
    uint32_t id;
    if (rn_strtab_intern(x->names, s, n, &id, NULL) != RN_OK)
        return XNONE;
    return id;
}

const char *x_name(const struct rn_extractor *x, uint32_t id)
{
    return id == XNONE ? NULL : rn_strtab_str(x->names, id);
}

/* The entity called name (created with type and affiliation when new; an
   unknown type is upgraded when a later mention knows better). */
uint32_t x_entity(struct rn_extractor *x, const char *name, size_t n, enum rn_etype type,
                  uint32_t aff)
{
    while (n && (name[n - 1] == ' ' || name[n - 1] == ','))
        n--;
    if (!n)
        return XNONE;
    uint32_t id;
    int added = 0;
    if (rn_strtab_intern(x->ent_keys, name, n, &id, &added) != RN_OK)
        return XNONE;
    size_t gcap = x->ent_key_gen_cap;
    if (rn_array_reserve((void **)&x->ent_key_gen, &gcap, id + 1, sizeof *x->ent_key_gen, 32))
        return XNONE;
    if (gcap > x->ent_key_gen_cap) {
        memset(x->ent_key_gen + x->ent_key_gen_cap, 0,
               (gcap - x->ent_key_gen_cap) * sizeof *x->ent_key_gen);
        x->ent_key_gen_cap = gcap;
    }
    if (x->ent_key_gen[id] != x->gen) {
        added = 1; /* known from an earlier article only */
        x->ent_key_gen[id] = x->gen;
    }
    if (!added) {
        uint32_t e = x->ent_key_to[id];
        if (x->ents[e].type == RN_ETYPE_UNKNOWN && type != RN_ETYPE_UNKNOWN)
            x->ents[e].type = type;
        if (x->ents[e].aff == XNONE && aff != XNONE && aff != x->ents[e].name)
            x->ents[e].aff = aff;
        return e;
    }
    if (rn_array_reserve((void **)&x->ent_key_to, &x->ent_key_cap, id + 1, sizeof *x->ent_key_to, 32) ||
        rn_array_reserve((void **)&x->ents, &x->ents_cap, x->nents + 1, sizeof *x->ents, 32))
        return XNONE;
    uint32_t e = (uint32_t)x->nents++;
    x->ent_key_to[id] = e;
    struct ent *en = &x->ents[e];
    memset(en, 0, sizeof *en);
    en->name = x_str(x, name, n);
    en->aff = aff;
    en->type = type;
    en->head = XNONE;
    en->family = XNONE;
    en->product = XNONE;
    en->described = XNONE;
    en->lex = RN_LEX_NONE;
    return e;
}

uint32_t x_find_entity(const struct rn_extractor *x, const char *name)
{
    uint32_t id;
    if (!x->ent_keys || rn_strtab_find(x->ent_keys, name, strlen(name), &id) != RN_OK ||
        id >= x->ent_key_gen_cap || x->ent_key_gen[id] != x->gen)
        return XNONE;
    return x->ent_key_to[id];
}

/* The entity for lexicon actor a, with its affiliation's canonical name. */
uint32_t x_lex_entity(struct rn_extractor *x, uint32_t a)
{
    const struct rn_lex_actor *la = rn_lexicon_actor(x->lex, a);
    if (!la)
        return XNONE;
    uint32_t aff = XNONE;
    if (la->affiliation != RN_LEX_NONE) {
        const char *an = rn_lexicon_actor(x->lex, la->affiliation)->name;
        aff = x_str(x, an, strlen(an));
    }
    uint32_t e = x_entity(x, la->name, strlen(la->name), la->type, aff);
    if (e != XNONE)
        x->ents[e].lex = a;
    return e;
}

/* The country an entity stands for or speaks for: itself when a country,
   else its affiliation when that is a lexicon country. */
uint32_t x_state_of(struct rn_extractor *x, uint32_t e)
{
    if (e == XNONE)
        return XNONE;
    if (x->ents[e].type == RN_ETYPE_COUNTRY)
        return e;
    const char *aff = x_name(x, x->ents[e].aff);
    if (!aff)
        return XNONE;
    uint32_t a = rn_lexicon_find_actor(x->lex, aff);
    if (a == RN_LEX_NONE)
        return XNONE;
    return x_lex_entity(x, a);
}

void x_touch(struct rn_extractor *x, uint32_t e)
{
    if (e != XNONE)
        x->ents[e].seen = ++x->clock;
}

static int fits(const struct ent *en, int want)
{
    if (en->type == RN_ETYPE_DOCUMENT || en->type == RN_ETYPE_GROUP)
        return want == XWANT_PLURAL && en->type == RN_ETYPE_GROUP;
    if (want == XWANT_NONPERSON)
        return en->type != RN_ETYPE_PERSON && !en->plural;
    if (want == XWANT_PLURAL)
        return en->plural;
    if (want == XWANT_HE || want == XWANT_SHE)
        return en->type == RN_ETYPE_PERSON && en->gender != (want == XWANT_HE ? 2 : 1);
    return x_type_fits(en->type, (enum rn_etype)want);
}

/* The first token of the clause token i sits in: after the last comma,
   semicolon, speech verb or clause word ("while", "that", "because"). */
static size_t clause_start(const struct rn_extractor *x, size_t i)
{
    /* x_is, not strcmp: it runs back over the sentence for every pronoun,
       and comparing lengths first rejects most words at once */
    for (size_t k = i; k > 0; k--) {
        size_t b = k - 1;
        if (x_is(x, b, ",") || x_is(x, b, ";") || x_is(x, b, "while") || x_is(x, b, "but") ||
            x_is(x, b, "because") || x_is(x, b, "that") || x_is(x, b, "after") ||
            x_is(x, b, "although") || (x->tok_cue[b] >> RN_CUE_SPEECH & 1u))
            return k;
    }
    return 0;
}

/* "Russia fined the outlet Kappa and banned it": the object of a verb
   that opens a predicate coordinated with "and" shares the first
   predicate's subject, so it means the latest actor before "and" that is
   not the sentence's opening subject; XNONE when the pronoun at i is not
   placed so, or none fits. */
static uint32_t coordinated_object(struct rn_extractor *x, int want, size_t i)
{
    if (i < 3 || !x_is(x, i - 2, "and") || !x_is_lower(x, i - 1) || x_is_closed(x, i - 1) ||
        !(x_pos(x, i - 1) & RN_WP_VERB) || x->nm == 0)
        return XNONE;
    uint32_t subject = x->m[0].kind == MK_ACTOR && x->m[0].a <= 1 ? x->m[0].ent : XNONE;
    for (size_t k = i - 2; k > 0; k--) {
        uint32_t mi = x->tok_m[k - 1];
        if (x_is_punct(x, k - 1, '.') || x_is_punct(x, k - 1, ';'))
            return XNONE;
        if (mi == XNONE || x->m[mi].kind != MK_ACTOR || x->m[mi].ent == XNONE)
            continue;
        uint32_t e = x->m[mi].ent;
        return e != subject && fits(&x->ents[e], want) ? e : XNONE;
    }
    return XNONE;
}

uint32_t x_antecedent(struct rn_extractor *x, int want, size_t i)
{
    uint32_t co = coordinated_object(x, want, i);
    if (co != XNONE)
        return co;
    /* the clause the pronoun sits in starts after the last boundary */
    size_t clause = clause_start(x, i);
    int opens = i == clause;
    /* "Italy lifted its ban": a possessive may take its own clause's subject */
    const char *pw = rn_token_norm(&x->tok, i);
    if (strcmp(pw, "its") == 0 || strcmp(pw, "their") == 0 || strcmp(pw, "his") == 0)
        opens = 1;
    /* "India blocked TikTok, while Pakistan suspended it": the object of
       a verb in a clause with a subject of its own means what was acted
       on, not the earlier subject */
    int object = !opens && i > 0 && i - 1 > clause && (x->tok.items[i - 1].flags & RN_TOK_WORD) &&
                 !(x->tok.items[i - 1].flags & RN_TOK_CAP) && !x_is_prep(x, i - 1) &&
                 !x_is_det(x, i - 1) && !x_is_conj(x, i - 1) && !x_is_wh(x, i - 1) &&
                 !x_is_be(x, i - 1) && !x_is_aux(x, i - 1) && x->tok_m[i - 2] == XNONE;
    int own_subject = 0; /* ... when the clause names its own actor */
    for (size_t k = clause; object && k < i && !own_subject; k++) {
        uint32_t mi = x->tok_m[k];
        own_subject = mi != XNONE && x->m[mi].kind == MK_ACTOR && x->m[mi].ent != XNONE;
    }
    /* "Vantrix, one of Peru's largest providers, announced that it had
       ...": the subject of a reported clause is the sentence's subject,
       not a name inside its apposition */
    if (opens && clause > 0 && i == clause && x->nm > 0 && x->m[0].kind == MK_ACTOR &&
        x->m[0].a <= 1 && x->m[0].ent != XNONE && !x->m[0].pronoun &&
        fits(&x->ents[x->m[0].ent], want) &&
        (x_is_wh(x, clause - 1) || /* "that" */
         (x->tok_cue[clause - 1] >> RN_CUE_SPEECH & 1u)))
        return x->m[0].ent;
    uint32_t best = XNONE;
    uint64_t best_score = 0;
    for (uint32_t e = 0; e < x->nents; e++) {
        const struct ent *en = &x->ents[e];
        if (!en->seen || !fits(en, want))
            continue;
        if (!opens && en->last_sent == x->sent_no && en->last_tok >= clause)
            continue;
        uint64_t score = en->seen;
        if (en->subj_sent && en->subj_sent + 2 >= x->sent_no && !own_subject)
            score += 1000000;
        if (score > best_score) {
            best = e;
            best_score = score;
        }
    }
    if (best != XNONE && (want == XWANT_HE || want == XWANT_SHE))
        x->ents[best].gender = want == XWANT_HE ? 1 : 2;
    return best;
}

/* Register a short form (surname, first name, acronym) for entity e. */
void x_short(struct rn_extractor *x, const char *s, size_t n, uint32_t e)
{
    uint32_t id;
    if (e == XNONE || !n || rn_strtab_intern(x->shorts, s, n, &id, NULL) != RN_OK)
        return;
    size_t cap = x->short_cap;
    if (rn_array_reserve((void **)&x->short_to, &x->short_cap, id + 1, sizeof *x->short_to, 32) ||
        rn_array_reserve((void **)&x->short_gen, &cap, id + 1, sizeof *x->short_gen, 32))
        return;
    x->short_to[id] = e; /* the latest full name wins */
    x->short_gen[id] = x->gen;
}

uint32_t x_short_find(const struct rn_extractor *x, const char *s, size_t n)
{
    uint32_t id;
    if (rn_strtab_find(x->shorts, s, n, &id) != RN_OK || x->short_gen[id] != x->gen)
        return XNONE;
    return x->short_to[id];
}

/* Does entity type t fit a description or pronoun wanting type want? An
   unknown name fits a company or a body; a company is no regulator and a
   ministry no app. */
int x_type_fits(enum rn_etype t, enum rn_etype want)
{
    if (t == want)
        return 1;
    if (want == RN_ETYPE_COMPANY || want == RN_ETYPE_ORGANIZATION)
        return t == RN_ETYPE_UNKNOWN;
    return 0;
}

/* The most recently mentioned entity that fits: want = a type, or
   XWANT_NONPERSON / XWANT_ANY. Entities in skip (may be XNONE) are passed
   over; documents fit only XWANT_DOC (with the same head when head is
   given). */
/* x_recent, passing over entities named in the current sentence from token
   clause on (SIZE_MAX: none). */
static uint32_t recent(const struct rn_extractor *x, int want, uint32_t skip, uint32_t head,
                       size_t clause)
{
#define IN_CLAUSE(en) ((en)->last_sent == x->sent_no && (en)->last_tok >= clause)
    /* a description prefers an entity known to be of its kind over an
       unknown name */
    if (want == RN_ETYPE_COMPANY || want == RN_ETYPE_ORGANIZATION) {
        uint32_t best = XNONE;
        uint64_t best_seen = 0;
        for (uint32_t e = 0; e < x->nents; e++)
            if (e != skip && x->ents[e].seen > best_seen &&
                x->ents[e].type == (enum rn_etype)want && !IN_CLAUSE(&x->ents[e])) {
                best = e;
                best_seen = x->ents[e].seen;
            }
        if (best != XNONE)
            return best;
    }
    uint32_t best = XNONE;
    uint64_t best_seen = 0;
    for (uint32_t e = 0; e < x->nents; e++) {
        const struct ent *en = &x->ents[e];
        if (e == skip || en->seen <= best_seen || !en->seen || IN_CLAUSE(en))
            continue;
        int ok;
        if (want == XWANT_DOC)
            ok = en->type == RN_ETYPE_DOCUMENT && (head == XNONE || en->head == head);
        else if (want == RN_ETYPE_GROUP)
            /* the Five Eyes, not "Chinese firms" */
            ok = en->type == RN_ETYPE_GROUP && en->lex != RN_LEX_NONE;
        else if (en->type == RN_ETYPE_DOCUMENT || en->type == RN_ETYPE_GROUP)
            ok = 0;
        else if (want == XWANT_NONPERSON)
            ok = en->type != RN_ETYPE_PERSON && !en->plural;
        else if (want == XWANT_ANY)
            ok = 1;
        else if (want == XWANT_PLURAL)
            ok = en->plural;
        else
            ok = x_type_fits(en->type, (enum rn_etype)want);
        if (ok) {
            best = e;
            best_seen = en->seen;
        }
    }
    return best;
#undef IN_CLAUSE
}

uint32_t x_recent(const struct rn_extractor *x, int want, uint32_t skip, uint32_t head)
{
    return recent(x, want, skip, head, SIZE_MAX);
}

uint32_t x_recent_outside(const struct rn_extractor *x, int want, size_t i)
{
    return recent(x, want, XNONE, XNONE, clause_start(x, i));
}

uint32_t x_acting_state(const struct rn_extractor *x, size_t i, size_t sentences)
{
    size_t clause = clause_start(x, i);
    uint32_t best = XNONE;
    for (uint32_t e = 0; e < x->nents; e++) {
        const struct ent *en = &x->ents[e];
        if (en->type != RN_ETYPE_COUNTRY || !en->subj_sent ||
            en->subj_sent + sentences < x->sent_no ||
            (en->last_sent == x->sent_no && en->last_tok >= clause && en->subj_sent == x->sent_no))
            continue;
        if (best == XNONE || en->subj_sent > x->ents[best].subj_sent ||
            (en->subj_sent == x->ents[best].subj_sent && en->seen > x->ents[best].seen))
            best = e;
    }
    return best;
}

uint32_t x_topic_state(const struct rn_extractor *x)
{
    uint32_t st = XNONE;
    for (uint32_t e = 0; e < x->nents; e++) {
        const struct ent *en = &x->ents[e];
        if (en->type != RN_ETYPE_COUNTRY || !en->seen || en->last_sent + 1 < x->sent_no)
            continue;
        if (st != XNONE)
            return XNONE;
        st = e;
    }
    return st;
}

/* ---- lists ----------------------------------------------------------------------------- */

void x_list_add(struct rn_extractor *x, const uint32_t *members, size_t n, size_t end_tok)
{
    struct xlist *l = &x->lists[x->nlists++ % XLISTS];
    l->n = 0;
    l->type = n ? x->ents[members[0]].type : RN_ETYPE_UNKNOWN;
    for (size_t i = 0; i < n && l->n < XLIST_MEMBERS; i++) {
        l->members[l->n++] = members[i];
        if (x->ents[members[i]].type != l->type)
            l->type = RN_ETYPE_UNKNOWN;
    }
    l->seen = x->clock;
    l->sent_no = x->sent_no;
    l->end_tok = end_tok;
}

/* Every member fits want, or is of unknown type ("the two companies"
   after two names the lexicon does not know); at least one fits. */
static int list_fits(const struct rn_extractor *x, const struct xlist *l, enum rn_etype want)
{
    int known = 0;
    for (size_t i = 0; i < l->n; i++) {
        enum rn_etype t = x->ents[l->members[i]].type;
        if (t == RN_ETYPE_UNKNOWN)
            continue;
        if (!x_type_fits(t, want))
            return 0;
        known = 1;
    }
    return known || want == RN_ETYPE_COMPANY || want == RN_ETYPE_ORGANIZATION;
}

const struct xlist *x_list_recent(const struct rn_extractor *x, int want, size_t i,
                                  size_t sentences)
{
    size_t n = x->nlists < XLISTS ? x->nlists : XLISTS;
    for (size_t k = 0; k < n; k++) {
        const struct xlist *l = &x->lists[(x->nlists - 1 - k) % XLISTS];
        if (l->sent_no + sentences < x->sent_no)
            break;
        if (l->sent_no == x->sent_no && l->end_tok >= i)
            continue;
        if (want == XWANT_PLURAL || list_fits(x, l, (enum rn_etype)want))
            return l;
    }
    return NULL;
}
