/* mention.c - find the actors, documents and counted sets a sentence
 * mentions (see mention.h).
 *
 * Left to right, at each token the first rule that fits wins:
 *   1. a lexicon name (longest match), with the derived forms built on a
 *      state's name or demonym: "Chinese officials" / "the UK government" /
 *      "the Chinese side" (the state), "China's foreign ministry" (a named
 *      body with the state as affiliation), "Chinese Foreign Minister Wang
 *      Yi" (a person with affiliation), "Chinese tech firm ZTE" (ZTE),
 *      "Chinese companies" (a group);
 *   2. "Government of India", "the foreign ministry of China";
 *   3. a title or honorific before a capitalised name (a person);
 *   4. pronouns and definite descriptions ("the country", "the app", "the
 *      declaration"), resolved to the latest fitting entity;
 *   5. a surname or acronym seen earlier in the article;
 *   6. documents: bill numbers ("SB 1047"), quoted names before a document
 *      noun, possessive or definite document phrases;
 *   7. counted sets ("61 countries");
 *   8. any other run of capitalised words (not opening the sentence, unless
 *      it is followed by a verb) is an unknown actor, an organisation when
 *      it ends in an organisation noun, a document when it holds one.
 */
#include "mention.h"

#include "documents.h"
#include "entities.h"
#include "words.h"
#include "relnet/pos.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>


/* "China controls", "Norway banned": a lowercase -s or -ed word right after
   a name is most often its verb. */
static int likely_verb(const struct rn_extractor *x, size_t i)
{
    size_t n = i < x->tok.len ? x->tok.items[i].norm_len : 0;
    if (n < 4 || (x_flags(x, i) & (RN_TOK_CAP | RN_TOK_NUM)) || !(x_flags(x, i) & RN_TOK_WORD) ||
        (x_flags(x, i) & RN_TOK_HYPHEN) || x_is_closed(x, i))
        return 0;
    const char *w = x_norm(x, i);
    return (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u') ||
           (w[n - 2] == 'e' && w[n - 1] == 'd');
}

static int add_mention(struct rn_extractor *x, size_t a, size_t b, uint32_t e, enum mkind kind,
                       int resolved)
{
    if (b <= a)
        return RN_OK;
    if (rn_array_reserve((void **)&x->m, &x->m_cap, x->nm + 1, sizeof *x->m, 32) != RN_OK)
        return RN_ENOMEM;
    struct mention *m = &x->m[x->nm];
    memset(m, 0, sizeof *m);
    m->a = (uint32_t)a;
    m->b = (uint32_t)b;
    m->ent = e;
    m->kind = kind;
    m->resolved = resolved;
    m->state = XNONE;
    for (size_t i = a; i < b; i++)
        x->tok_m[i] = (uint32_t)x->nm;
    x->nm++;
    if (e != XNONE) {
        x_touch(x, e);
        x->ents[e].last_sent = x->sent_no;
        x->ents[e].last_tok = a;
        /* "Newsom also noted that he ...": a name before a verb is a subject;
           "The European Union's executive branch said": so is its owner */
        size_t k = b;
        if (k < x->tok.len && (x_flags(x, k) & RN_TOK_POSS)) {
            size_t q = k + 1;
            while (q < x->tok.len && q - k <= 3 && x_is_lower(x, q) && !x_is_closed(x, q) &&
                   !x_cue(x, q, RN_CUE_SPEECH))
                q++;
            if (q > k + 1 && (x_cue(x, q, RN_CUE_SPEECH) || x_is_aux(x, q)))
                k = q;
        }
        while (k < x->tok.len && x_is_adverb(x, k))
            k++;
        if (x_is_aux(x, k) || x_cue(x, k, RN_CUE_SPEECH) || likely_verb(x, k))
            x->ents[e].subj_sent = x->sent_no;
    }
    return RN_OK;
}

/* The readings of the cascade (the rules listed at the top of this file,
   in the order of MENTION_READINGS below) are called at token i and
   return 1 when they apply, *last then the last token taken (it stays i
   when none was, as for a pronoun with nothing to refer to); 0 when the
   next reading is to be tried; or an error (< 0). */

/* A reading that added a mention, or failed with rc. */
static int took_mention(const struct rn_extractor *x, int rc, size_t *last)
{
    if (rc != RN_OK)
        return rc;
    *last = x->m[x->nm - 1].b - 1;
    return 1;
}

/* A reading that says whether it applied in *done. */
static int took_if_done(const struct rn_extractor *x, int rc, int done, size_t *last)
{
    return rc != RN_OK || !done ? rc : took_mention(x, rc, last);
}

/* A reading that gives its last token, or XNONE when it did not apply. */
static int took_through(int rc, size_t got, size_t *last)
{
    if (rc != RN_OK || got == XNONE)
        return rc;
    *last = got;
    return 1;
}

/* Tokens [a, b) only join list members: commas and joiners (cues class
   joiner: "and", "or", "as well as"). */
static int list_joint(struct rn_extractor *x, size_t a, size_t b)
{
    if (a >= b || b - a > 4)
        return 0;
    for (size_t k = a; k < b; k++) {
        struct rn_cue_match cm;
        int n = x_is_punct(x, k, ',') ? 1 : x_is_word(x, k) ? x_cue_len(x, k, RN_CUE_JOINER, &cm) : 0;
        if (!n || k + (size_t)n > b)
            return 0;
        k += (size_t)n - 1;
    }
    return 1;
}

static int list_member(const struct mention *m)
{
    return m->kind == MK_ACTOR && m->ent != XNONE && !m->pronoun && !m->list;
}

/* The list members joined from mention k on ("Chile, Peru and Mexico"):
   how many went into members; *next is the mention after the run. */
static size_t list_run(struct rn_extractor *x, size_t k, uint32_t *members, size_t *next)
{
    size_t n = 0, q = k, prev_end = 0;
    for (;;) {
        /* "Chile-based A and Peru-based B": a modifier opens a member */
        size_t r = q;
        if (r + 1 < x->nm && x->m[r].kind == MK_MOD && x->m[r].b == x->m[r + 1].a)
            r++;
        if (r >= x->nm || !list_member(&x->m[r]) || n >= XLIST_MEMBERS ||
            (n && !list_joint(x, prev_end, x->m[q].a)))
            break;
        members[n++] = x->m[r].ent;
        prev_end = x->m[r].b;
        q = r + 1;
    }
    *next = q;
    return n;
}

/* Runs of two or more actors joined as a list ("Chile, Peru and Mexico")
   are remembered for "they" and "the countries" later. */
static void remember_lists(struct rn_extractor *x)
{
    uint32_t members[XLIST_MEMBERS];
    for (size_t k = 0; k < x->nm;) {
        size_t q;
        size_t n = list_run(x, k, members, &q);
        if (n >= 2)
            x_list_add(x, members, n, x->m[q - 1].b);
        k = q > k ? q : k + 1;
    }
}

/* "Peru and Chile accused each other": a reciprocal at i means the list
   named last before it in the sentence, each member acting on the others
   (a record never has one entity on both sides). 1 when added. */
static int reciprocal(struct rn_extractor *x, size_t i, int *rc)
{
    struct rn_cue_match cm;
    int len = x_cue_len(x, i, RN_CUE_RECIP, &cm);
    if (!len)
        return 0;
    uint32_t members[XLIST_MEMBERS], best[XLIST_MEMBERS];
    size_t nbest = 0, end = 0;
    for (size_t k = 0; k < x->nm;) {
        size_t q;
        size_t n = list_run(x, k, members, &q);
        if (n >= 2) {
            memcpy(best, members, n * sizeof *members);
            nbest = n;
            end = x->m[q - 1].b;
        }
        k = q > k ? q : k + 1;
    }
    if (nbest < 2)
        return 0;
    x_list_add(x, best, nbest, end);
    *rc = add_mention(x, i, i + (size_t)len, best[0], MK_ACTOR, 1);
    if (*rc == RN_OK) {
        x->m[x->nm - 1].list = &x->lists[(x->nlists - 1) % XLISTS];
        x->m[x->nm - 1].pronoun = 1;
    }
    return 1;
}

/* How far back "the government" looks for the state that acted. */
#define GOV_ACTING_SENTENCES 5

/* How far back a list is meant: "they" only just after it; "the
   countries", which names its kind, further (XLIST_KIND_SENTENCES). */
#define XLIST_PRONOUN_SENTENCES 2
#define XLIST_KIND_SENTENCES 8

/* A plural pronoun or description at [a, b) that means the latest list's
   members (when the list is more recent than entity e, and has count
   members when count is not 0): 1 when added. */
static int list_mention(struct rn_extractor *x, size_t a, size_t b, int want, uint32_t e,
                        unsigned long count, int *rc)
{
    size_t window = want == XWANT_PLURAL ? XLIST_PRONOUN_SENTENCES : XLIST_KIND_SENTENCES;
    const struct xlist *l = x_list_recent(x, want, a, window);
    if (!l || (e != XNONE && x->ents[e].seen > l->seen) || (count && count != l->n))
        return 0;
    *rc = add_mention(x, a, b, l->members[0], MK_ACTOR, 1);
    if (*rc == RN_OK)
        x->m[x->nm - 1].list = l;
    return 1;
}

/* The pronoun a given name or honorific at token i takes (cues.tsv gender
   and honorific values): 1 he, 2 she, 0 unknown. */
static int gender_cue(struct rn_extractor *x, size_t i)
{
    struct rn_cue_match cm;
    if (!x_cue_len(x, i, RN_CUE_GENDER, &cm) && !x_cue_len(x, i, RN_CUE_HONORIFIC, &cm))
        return 0;
    return strcmp(cm.value, "he") == 0 ? 1 : strcmp(cm.value, "she") == 0 ? 2 : 0;
}

/* Register the first and last word of a person's name as short forms, and
   learn the person's gender from a given name ("Priti Patel": she). */
static void person_shorts(struct rn_extractor *x, size_t a, size_t b, uint32_t e)
{
    size_t first = XNONE, last = XNONE;
    for (size_t i = a; i < b; i++) {
        if (!x_is_cap(x, i) || (x_flags(x, i) & RN_TOK_DOTS) || x->tok.items[i].norm_len < 2)
            continue;
        if (first == XNONE)
            first = i;
        last = i;
    }
    if (first == XNONE || first == last)
        return;
    if (e != XNONE && !x->ents[e].gender)
        x->ents[e].gender = gender_cue(x, first);
    x_short(x, x_norm(x, last), x->tok.items[last].norm_len, e);
    x_short(x, x_norm(x, first), x->tok.items[first].norm_len, e);
}

/* A run of capitalised name words starting at i (initials allowed), at most
   max tokens. Returns its end. */
/* Lowercase particles inside personal names: "von der Leyen", "da Silva". */
static int name_particle(const struct rn_extractor *x, size_t i)
{
    static const char *const p[] = { "von", "van", "der", "den", "de", "da", "di", "du", "dos",
                                     "das", "del", "bin", "al", "el", "ter", "le", NULL };
    if (!x_is_lower(x, i) || (x_flags(x, i) & RN_TOK_HYPHEN))
        return 0;
    for (const char *const *w = p; *w; w++)
        if (x_is(x, i, *w))
            return 1;
    return 0;
}

static size_t name_run(const struct rn_extractor *x, size_t i, size_t max)
{
    size_t j = i;
    while (j < x->tok.len && j - i < max) {
        if (x_is_cap(x, j) && !x_cue(x, j, RN_CUE_TITLE) && !x_cue(x, j, RN_CUE_NOTNAME)) {
            j++;
            continue;
        }
        /* "Ursula von der Leyen": particles between capitalised words */
        size_t k = j;
        while (k < x->tok.len && k - j < 3 && j > i && name_particle(x, k))
            k++;
        if (k > j && x_is_cap(x, k)) {
            max += k - j;
            j = k;
            continue;
        }
        break;
    }
    return j;
}

/* A lowercase word inside a title run ("state Sen.", "former Gov.",
   "deputy foreign minister"): cues class titlemod. */
static int title_modifier(const struct rn_extractor *x, size_t j)
{
    return x_cue(x, j, RN_CUE_TITLEMOD);
}

/* "Minister for Trade and Industry Chan Chun Sing", "Minister of Foreign
   Affairs Ola Berg": a portfolio after a title at j, capitalised English
   words joined by "and", ends where a word English does not know opens the
   name, or two words before the capitals end. Returns the index after the
   portfolio, or j when there is none. */
static size_t portfolio_end(struct rn_extractor *x, size_t j)
{
    if (!(x_is(x, j, "for") || x_is(x, j, "of")) || !x_have_pos(x))
        return j;
    /* the capitalised run ends with the name, of two words at least */
    size_t last = j + 1;
    while (last < x->tok.len && (x_is_cap(x, last) || x_is(x, last, "and") || x_is_punct(x, last, '&')))
        last++;
    size_t k = j + 1, end = j;
    while (k + 3 <= last && k - j <= 6) {
        struct rn_cue_match tm;
        if (x_is_cap(x, k) && x_english(x, k) && !x_cue_len(x, k, RN_CUE_TITLE, &tm)) {
            end = ++k;
            continue;
        }
        if (end > j && (x_is(x, k, "and") || x_is_punct(x, k, '&')) && x_is_cap(x, k + 1) &&
            x_english(x, k + 1)) {
            k++;
            continue;
        }
        break;
    }
    if (end == j || !x_is_cap(x, end) || name_run(x, end, 3) == end)
        return j;
    return end;
}

/* "Colombian President Blocks U.S. Flights": in a Title Case headline a
   verb we know (a trigger or a speech verb, not an acronym) opens no name. */
static int headline_verb(struct rn_extractor *x, size_t i)
{
    const struct rn_trigger *tr[2];
    uint32_t nt[2];
    return x->titlecase && !(x_flags(x, i) & RN_TOK_UPPER) &&
           (rn_lexicon_triggers(x->lex, x->wc, &x->tok, i, x->tok.len, tr, nt, 2) || x_cue(x, i, RN_CUE_SPEECH));
}

/* A title run ("Chinese State Councilor and Foreign Minister", "Gov.",
   "state Sen.") starting at i. Returns the index of the name after it, or 0
   when there is no title followed by a name. */
static __attribute__((noinline)) size_t title_run_from(struct rn_extractor *x, size_t i)
{
    size_t j = i;
    int seen = 0, joined = 0;
    size_t after = 0;
    struct rn_cue_match cm;
    while (j < x->tok.len && j - i < 8) {
        int n = x_cue_len(x, j, RN_CUE_TITLE, &cm);
        if (n) {
            j += (size_t)n;
            if (x_is_punct(x, j, '.'))
                j++;
            seen = 1;
            joined = 0;
            after = portfolio_end(x, j);
            j = after;
            continue;
        }
        if (seen && x_is(x, j, "and") && j + 1 < x->tok.len) {
            j++;
            joined = 1;
            continue;
        }
        /* capitalised modifiers: "Foreign", "Vice", "State" (before a title:
           "Trade Minister Tom Berg and Justice Minister Ana Lind" is two) */
        if ((x_is_cap(x, j) && (!seen || joined)) || (!seen && title_modifier(x, j))) {
            j++;
            continue;
        }
        break;
    }
    /* "Minister Tom Berg and Justice ...": the "and" joined no titles */
    if (joined)
        j = after;
    if (!seen || !after)
        return 0;
    /* the name follows the last title word (not a document's head: "Senate
       Bill 419" - "Senate" has the stem of "senator" - names no person) */
    size_t end = name_run(x, after, 3);
    if (end == after || (end == after + 1 && x_cue(x, after, RN_CUE_DOCHEAD)))
        return 0;
    if (headline_verb(x, after))
        return 0;
    return after;
}

/* title_run_from where a title, a capital or a title modifier opens the
   run (the test at every token the cascade reads, inline; the run out of
   line). */
static inline size_t title_run(struct rn_extractor *x, size_t i)
{
    return x_cue(x, i, RN_CUE_TITLE) || x_is_cap(x, i) || title_modifier(x, i) ? title_run_from(x, i)
                                                                              : 0;
}

/* Build the person mention for a name starting at k (after a title). aff is
   the state named before the title, or XNONE. */
static int title_person(struct rn_extractor *x, size_t start, size_t k, uint32_t aff_ent)
{
    size_t end = name_run(x, k, 3);
    struct rn_gaz_match g;
    uint32_t e = XNONE;
    if (rn_lexicon_match(x->lex, x->wc, &x->tok, k, end, x->allcaps, &g) &&
        rn_lexicon_actor(x->lex, g.actor)->type == RN_ETYPE_PERSON &&
        (g.kind != RN_GAZ_SURNAME || end - k == 1)) {
        e = x_lex_entity(x, g.actor);
        end = k + g.ntok;
    } else {
        uint32_t s = end - k == 1 ? x_short_find(x, x_norm(x, k), x->tok.items[k].norm_len)
                                  : XNONE;
        if (s != XNONE && x->ents[s].type == RN_ETYPE_PERSON) {
            e = s;
        } else {
            if (x_span_text(x, k, end, &x->tmp) != RN_OK)
                return RN_ENOMEM;
            uint32_t aff = aff_ent != XNONE ? x->ents[aff_ent].name : XNONE;
            e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_PERSON, aff);
        }
    }
    if (e == XNONE)
        return RN_ENOMEM;
    if (aff_ent != XNONE && x->ents[e].aff == XNONE)
        x->ents[e].aff = x->ents[aff_ent].name;
    if (!x->ents[e].gender && x_cue(x, start, RN_CUE_HONORIFIC))
        x->ents[e].gender = gender_cue(x, start); /* "Mrs Berg" */
    person_shorts(x, k, end, e);
    return add_mention(x, start, end, e, MK_ACTOR, 0);
}

/* Title-case an institution phrase: "foreign ministry" -> "Foreign Ministry". */
static int inst_name(struct rn_extractor *x, const char *state_word, size_t a, size_t b)
{
    struct rn_buf *o = &x->tmp;
    rn_buf_reset(o);
    if (rn_buf_adds(o, state_word) != RN_OK)
        return RN_ENOMEM;
    for (size_t i = a; i < b; i++) {
        if (!x_is_word(x, i))
            continue;
        const char *w = x_norm(x, i);
        /* "anti-doping" keeps its hyphen: "Anti-Doping" */
        if (rn_buf_addc(o, x_flags(x, i) & RN_TOK_HYPHEN ? '-' : ' ') != RN_OK)
            return RN_ENOMEM;
        int small = strcmp(w, "of") == 0 || strcmp(w, "for") == 0 || strcmp(w, "and") == 0;
        size_t n = x->tok.items[i].end - x->tok.items[i].start;
        const char *src = x->text + x->tok.items[i].start;
        if (x_flags(x, i) & RN_TOK_UPPER && n <= 4) { /* IT, NSA */
            if (rn_buf_add(o, src, n) != RN_OK)
                return RN_ENOMEM;
            continue;
        }
        for (size_t k = 0; w[k]; k++) {
            char c = w[k];
            if (k == 0 && !small && c >= 'a' && c <= 'z')
                c = (char)(c - 32);
            if (rn_buf_addc(o, c) != RN_OK)
                return RN_ENOMEM;
        }
    }
    return RN_OK;
}

/* How many words from k name a state body: a listed one ("foreign
   ministry") or a body's head noun after up to two lowercase modifiers
   ("health regulator", "competition bureau"); 0 when none. A government
   word ends the search: "Turkish authorities", "US government agencies"
   are the state itself. */
static size_t body_len(struct rn_extractor *x, size_t k)
{
    struct rn_cue_match cm;
    for (size_t m = 0; m <= 2 && k + m < x->tok.len; m++) {
        int n = x_cue_len(x, k + m, RN_CUE_INST, &cm);
        /* cues match by stem: "authority" (a body) shares one with
           "authorities" (the state); the singular is the body */
        if (x_cue(x, k + m, RN_CUE_GOV) && (n == 0 || x_is_plural_noun(x, k + m)))
            return 0;
        /* "the Moroccan Ministry of Trade": a capitalised name goes on
           (state_named_body reads it whole) */
        size_t e = k + m + (size_t)n;
        if (n > 0 && x_is_cap(x, e - 1) && x_is_prep(x, e) && x_is_cap(x, e + 1))
            return 0;
        if (n > 0)
            return m + (size_t)n;
        /* (a hyphened modifier is one too: "anti-doping agency") */
        if (!x_is_lower(x, k + m) || x_is_closed(x, k + m) || (x_flags(x, k + m) & RN_TOK_POSS))
            return 0;
    }
    return 0;
}

/* The word a state is named by in a body's name: its demonym when the
   lexicon has one ("Chinese Foreign Ministry"), else its name; a part of a
   state goes by its name ("Texas Legislature", not "Texan"). */
static const char *state_word(const struct rn_extractor *x, uint32_t state)
{
    const struct ent *en = &x->ents[state];
    if (en->lex != RN_LEX_NONE) {
        const struct rn_lex_actor *la = rn_lexicon_actor(x->lex, en->lex);
        if (la->demonym && la->affiliation == RN_LEX_NONE)
            return la->demonym;
    }
    return x_name(x, en->name);
}

/* "Italian Data Protection Authority": capitalised words at k after a
   demonym at start that hold an organisation's head name a body of that
   state; "Kenya's Communications Authority" (possessive set) is named by
   its own words, with the state as affiliation. RN_OK with *done = 1 when
   it added the mention. */
static int state_named_body(struct rn_extractor *x, size_t start, size_t k, uint32_t state,
                            int possessive, int *done)
{
    if (!x_is_cap(x, k) || (x_cue(x, k, RN_CUE_NOTNAME) && !(x_flags(x, k) & RN_TOK_UPPER)))
        return RN_OK;
    size_t e2 = k;
    int org = 0;
    while (e2 < x->tok.len && e2 - k < 6 && x_is_cap(x, e2)) {
        struct rn_gaz_match g;
        if (rn_lexicon_match(x->lex, x->wc, &x->tok, e2, x->tok.len, x->allcaps, &g))
            break;
        if (x_cue(x, e2, RN_CUE_ORGHEAD))
            org = 1;
        e2++;
        /* "Moroccan Ministry of Trade": "of" joins a body's head to its field */
        if (org && x_cue(x, e2 - 1, RN_CUE_ORGHEAD) && x_is(x, e2, "of") && x_is_cap(x, e2 + 1) &&
            !rn_lexicon_match(x->lex, x->wc, &x->tok, e2 + 1, x->tok.len, x->allcaps, &g))
            e2++;
    }
    if (!org)
        return RN_OK;
    /* the name without its article: "the Swedish Ministry of Trade" */
    size_t name_a = possessive ? k : x_is_det(x, start) ? start + 1 : start;
    if (x_span_text(x, name_a, e2, &x->tmp) != RN_OK)
        return RN_ENOMEM;
    uint32_t e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_ORGANIZATION, x->ents[state].name);
    *done = 1;
    return add_mention(x, start, e2, e, MK_ACTOR, 0);
}

/* After a demonym ending at j ("Chinese"), k past its possessive: a
   company it describes ("Chinese giant Huawei"), a body named after the
   state, a group of its people or firms, a body ("an American court"),
   or else a modifier remembering the state. RN_OK, *done = 1. */
static int demonym_forms(struct rn_extractor *x, size_t start, size_t j, size_t k,
                         uint32_t state, int *done)
{
    int rc;
    /* "Chinese tech firm ZTE", "Chinese giant Huawei": the name counts */
    size_t q = k;
    while (q < x->tok.len && q - k < 3 && x_is_lower(x, q) && !x_is_prep(x, q) &&
           !x_is_conj(x, q) && !x_is_aux(x, q) && !x_is_wh(x, q))
        q++;
    if (q > k && q < x->tok.len && x_is_cap(x, q)) {
        struct rn_gaz_match g;
        if (rn_lexicon_match(x->lex, x->wc, &x->tok, q, x->tok.len, x->allcaps, &g) &&
            rn_lexicon_actor(x->lex, g.actor)->type != RN_ETYPE_COUNTRY) {
            *done = 1;
            uint32_t e = x_lex_entity(x, g.actor);
            return add_mention(x, start, q + g.ntok, e, MK_ACTOR, 0);
        }
    }
    if ((rc = state_named_body(x, start, k, state, 0, done)) != RN_OK || *done)
        return rc;
    /* "Chinese companies", "Chinese tech firms": a group (not "Chinese
       group it calls": closed-class words end the phrase) */
    q = k;
    while (q < x->tok.len && q - k < 3 && x_is_lower(x, q) && !x_is_plural_noun(x, q) &&
           !x_is_closed(x, q))
        q++;
    const struct rn_trigger *trs[2];
    uint32_t nts[2];
    /* "Peruvian accusations", "Chinese sanctions": a trigger noun is an act
       of the state, not a group of its people */
    /* (not "the Qatari news outlet Kappa Daily": a noun goes on, and the
       name is described) */
    if (q < x->tok.len && x_is_plural_noun(x, q) && !x_is_aux(x, q) &&
        !(x_is_lower(x, q + 1) && (x_pos(x, q + 1) & RN_WP_NOUN) && !x_is_closed(x, q + 1) &&
          !x_is_plural_noun(x, q + 1) && x_is_cap(x, q + 2)) &&
        !rn_lexicon_triggers(x->lex, x->wc, &x->tok, q, x->tok.len, trs, nts, 2)) {
        if (x_span_text(x, start, q + 1, &x->tmp) != RN_OK)
            return RN_ENOMEM;
        uint32_t e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_GROUP, x->ents[state].name);
        if (e != XNONE)
            x->ents[e].plural = 1;
        *done = 1;
        return add_mention(x, start, q + 1, e, MK_GROUP, 0);
    }
    /* "an American court": a body */
    if (x_cue(x, k, RN_CUE_ORGHEAD) && x_is_lower(x, k)) {
        if (inst_name(x, state_word(x, state), k, k + 1) != RN_OK)
            return RN_ENOMEM;
        uint32_t e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_ORGANIZATION,
                              x->ents[state].name);
        *done = 1;
        return add_mention(x, start, k + 1, e, MK_ACTOR, 0);
    }
    /* a demonym that only modifies: remember the state for locations */
    if (add_mention(x, start, j, XNONE, MK_MOD, 0) != RN_OK)
        return RN_ENOMEM;
    x->m[x->nm - 1].state = state;
    *done = 1;
    return RN_OK;
}

/* "Chile-based Tollan Systems", "Peru-backed rebels": a state's name
   joined by a hyphen to a lowercase word at k only describes what follows
   (but "the Peru-proposed plan" is the proposer's: triggers stay; a
   demonym, "Chinese-owned video app TikTok", is read by demonym_forms).
   RN_OK, with *done = 1 when it added the modifier. */
static int state_hyphen_modifier(struct rn_extractor *x, size_t start, size_t k, uint32_t state,
                                 int demonym, int *done)
{
    const struct rn_trigger *tr[4];
    uint32_t nt[4];
    int compound = 0;
    if (k < x->tok.len && (x_flags(x, k) & RN_TOK_HYPHEN) && x_is_lower(x, k)) {
        size_t ntr = rn_lexicon_triggers(x->lex, x->wc, &x->tok, k, x->tok.len, tr, nt, 4);
        for (size_t q = 0; q < ntr; q++)
            compound |= (tr[q]->frame & RN_FRAME_COMPOUND) != 0;
    }
    if (demonym || k >= x->tok.len || !(x_flags(x, k) & RN_TOK_HYPHEN) || !x_is_lower(x, k) ||
        compound)
        return RN_OK;
    if (add_mention(x, start, k + 1, XNONE, MK_MOD, 0) != RN_OK)
        return RN_ENOMEM;
    x->m[x->nm - 1].state = state;
    *done = 1;
    return RN_OK;
}

/* "Chinese foreign ministry (official)", "Kenya's health regulator": a
   body of the state named at k. RN_OK, *done = 1 when added. */
static int state_body(struct rn_extractor *x, size_t start, size_t k, uint32_t state, int *done)
{
    size_t n = body_len(x, k);
    if (n == 0)
        return RN_OK;
    if (inst_name(x, state_word(x, state), k, k + n) != RN_OK)
        return RN_ENOMEM;
    uint32_t e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_ORGANIZATION, x->ents[state].name);
    size_t end = k + n;
    if (x_cue(x, end, RN_CUE_FUNC))
        end++;
    *done = 1;
    return add_mention(x, start, end, e, MK_ACTOR, 0);
}

/* Words at k that make the phrase from start the state itself: a title
   with no name after it ("the Colombian president blocked", "Colombian
   President Blocks": the state's official), "Chinese officials", "the UK
   government", "the Chinese side" (not "Chinese state-backed hackers").
   RN_OK, *done = 1 when added. */
static int state_itself(struct rn_extractor *x, size_t start, size_t k, uint32_t state, int *done)
{
    struct rn_cue_match cm;
    int n;
    if ((n = x_cue_len(x, k, RN_CUE_TITLE, &cm)) > 0 && k > start && !title_run(x, k) &&
        (k + (size_t)n >= x->tok.len || !x_is_cap(x, k + (size_t)n) || x->titlecase) &&
        !x_is_punct(x, k + (size_t)n, ',')) {
        *done = 1;
        return add_mention(x, start, k + (size_t)n, state, MK_ACTOR, 0);
    }
    if (((n = x_cue_len(x, k, RN_CUE_GOV, &cm)) > 0 || x_cue(x, k, RN_CUE_FUNC))) {
        if (!n)
            n = 1;
        /* not "Ohio State University": a name goes on */
        size_t after = k + (size_t)n;
        if ((x_flags(x, after) & RN_TOK_HYPHEN) ||
            (x_is_cap(x, k) && x_is_cap(x, after) && !x->titlecase))
            return RN_OK;
        *done = 1;
        return add_mention(x, start, k + (size_t)n, state, MK_ACTOR, 0);
    }
    return RN_OK;
}

/* After a state's name or demonym ending at token j: derived forms. Returns
   RN_OK with *done = 1 when it added a mention covering [start, ...). */
static int state_forms(struct rn_extractor *x, size_t start, size_t j, uint32_t state, int demonym,
                       int *done)
{
    size_t k = j;
    int rc;
    *done = 0;
    if ((rc = state_hyphen_modifier(x, start, k, state, demonym, done)) != RN_OK || *done)
        return rc;
    if (k < x->tok.len && (x_flags(x, k) & RN_TOK_POSS))
        k++;
    /* "Kenyan Foreign Minister Ana Mwangi", "US President Donald Trump",
       "Chilean Vice President and Interior Minister Rosa Soto" */
    size_t name = title_run(x, k);
    if (name) {
        *done = 1;
        return title_person(x, start, name, state);
    }
    if ((rc = state_body(x, start, k, state, done)) != RN_OK || *done)
        return rc;
    if ((rc = state_itself(x, start, k, state, done)) != RN_OK || *done)
        return rc;
    if (!demonym)
        return k > j ? state_named_body(x, start, k, state, 1, done) : RN_OK;
    return demonym_forms(x, start, j, k, state, done);
}

/* "Government of India", "the foreign ministry of China". A reading of the
   cascade (see took_mention). */
static int of_state_forms(struct rn_extractor *x, size_t i, size_t *last)
{
    struct rn_cue_match cm;
    int n, inst = 0, title = 0;
    if ((n = x_cue_len(x, i, RN_CUE_GOV, &cm)) == 0) {
        if ((n = x_cue_len(x, i, RN_CUE_INST, &cm)) > 0)
            inst = 1;
        else if ((n = x_cue_len(x, i, RN_CUE_TITLE, &cm)) > 0 && i > 0 && x_is(x, i - 1, "the"))
            title = 1; /* "the foreign ministers of Chile": its officials */
        else
            return RN_OK;
    }
    size_t k = i + (size_t)n;
    if (!x_is(x, k, "of"))
        return RN_OK;
    struct rn_gaz_match g;
    if (!rn_lexicon_match(x->lex, x->wc, &x->tok, k + 1, x->tok.len, x->allcaps, &g) ||
        rn_lexicon_actor(x->lex, g.actor)->type != RN_ETYPE_COUNTRY || g.kind == RN_GAZ_DEMONYM)
        return RN_OK;
    uint32_t state = x_lex_entity(x, g.actor);
    uint32_t e = state;
    /* (not "the President of Kenya William Ruto": the person) */
    if (title && x_is_cap(x, k + 1 + g.ntok))
        return RN_OK;
    if (inst) {
        if (inst_name(x, state_word(x, state), i, i + (size_t)n) != RN_OK)
            return RN_ENOMEM;
        e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_ORGANIZATION, x->ents[state].name);
    }
    size_t start = i > 0 && x_is(x, i - 1, "the") ? i - 1 : i;
    return took_mention(x, add_mention(x, start, k + 1 + g.ntok, e, MK_ACTOR, 0), last);
}

/* The latest entity whose name holds word (case folded, whole word). */
static uint32_t recent_named(const struct rn_extractor *x, const char *word)
{
    uint32_t best = XNONE;
    uint64_t seen = 0;
    size_t wl = strlen(word);
    for (uint32_t e = 0; e < x->nents; e++) {
        const struct ent *en = &x->ents[e];
        if (!en->seen || en->seen <= seen || en->type == RN_ETYPE_DOCUMENT)
            continue;
        const char *n = x_name(x, en->name);
        for (const char *p = n; p && *p; p++) {
            if ((p == n || p[-1] == ' ') && strncasecmp(p, word, wl) == 0 &&
                (p[wl] == '\0' || p[wl] == ' ')) {
                best = e;
                seen = en->seen;
                break;
            }
        }
    }
    return best;
}

/* The last word of a's name, when a is a body of a state or bloc and its
   name has a word before it ("European Commission": "Commission"); NULL
   otherwise. *len: its length. */
static const char *body_last_word(const struct rn_lex_actor *la, size_t *len)
{
    const char *sp = la->affiliation == RN_LEX_NONE ? NULL : strrchr(la->name, ' ');
    if (!sp || sp == la->name)
        return NULL;
    *len = la->name_len - (size_t)(sp + 1 - la->name);
    return sp + 1;
}

/* ASCII lowercase of s[0..n) into out (n < 64), as strncasecmp compares. */
static int ascii_lower_key(const char *s, size_t n, char out[64])
{
    if (n >= 64)
        return 0;
    for (size_t k = 0; k < n; k++)
        out[k] = (char)tolower((unsigned char)s[k]);
    return 1;
}

/* Index the lexicon's bodies by the last word of their name (x->body_*):
   body_of_named_state then meets the few bodies of one word, not every
   actor. RN_OK or RN_ENOMEM. */
static int index_bodies(struct rn_extractor *x)
{
    size_t na = rn_lexicon_actor_count(x->lex);
    struct rn_strtab *words = rn_strtab_new();
    uint32_t *first = calloc(na + 1, sizeof *first), *next = calloc(na + 1, sizeof *next);
    int rc = words && first && next ? RN_OK : RN_ENOMEM;
    for (uint32_t a = (uint32_t)na; rc == RN_OK && a-- > 0;) { /* last first: chains ascend */
        size_t wl;
        char key[64];
        const char *w = body_last_word(rn_lexicon_actor(x->lex, a), &wl);
        uint32_t id;
        int added;
        if (!w || !ascii_lower_key(w, wl, key))
            continue; /* (no word of 64 bytes is a token's: such a body is never met) */
        if ((rc = rn_strtab_intern(words, key, wl, &id, &added)) != RN_OK)
            break;
        next[a] = added ? RN_LEX_NONE : first[id];
        first[id] = a;
    }
    if (rc != RN_OK) {
        rn_strtab_free(words);
        free(first);
        free(next);
        return rc;
    }
    x->body_words = words;
    x->body_first = first;
    x->body_next = next;
    return RN_OK;
}

/* "the Commission" with no Commission named yet: the lexicon body whose
   name ends in that word and whose state or bloc the article has named
   most recently ("European Commission" after "the EU"); XNONE when none or
   when two such bodies belong to that state. */
static uint32_t body_of_named_state(struct rn_extractor *x, size_t head)
{
    const char *w = x_norm(x, head);
    size_t wl = x->tok.items[head].norm_len;
    uint32_t best = RN_LEX_NONE;
    uint64_t best_seen = 0;
    int tie = 0;
    char key[64];
    uint32_t id, a = RN_LEX_NONE, na = (uint32_t)rn_lexicon_actor_count(x->lex);
    if (!x->body_words && index_bodies(x) != RN_OK)
        return XNONE; /* (out of memory: no body found) */
    /* the bodies of that last word; a form with a space or of 64 bytes is
       not indexed: every actor is tried */
    int chained = !memchr(w, ' ', wl) && ascii_lower_key(w, wl, key);
    if (!chained)
        a = na ? 0 : RN_LEX_NONE;
    else if (rn_strtab_find(x->body_words, key, wl, &id) == RN_OK)
        a = x->body_first[id];
    for (; a != RN_LEX_NONE; a = chained ? x->body_next[a] : a + 1 < na ? a + 1 : RN_LEX_NONE) {
        const struct rn_lex_actor *la = rn_lexicon_actor(x->lex, a);
        size_t nl = la->name_len;
        if (la->affiliation == RN_LEX_NONE || nl <= wl + 1 || la->name[nl - wl - 1] != ' ' ||
            strncasecmp(la->name + nl - wl, w, wl) != 0)
            continue;
        uint32_t st = x_find_entity(x, rn_lexicon_actor(x->lex, la->affiliation)->name);
        if (st == XNONE || !x->ents[st].seen || x->ents[st].seen < best_seen)
            continue;
        tie = x->ents[st].seen == best_seen;
        best = a;
        best_seen = x->ents[st].seen;
    }
    return best == RN_LEX_NONE || tie ? XNONE : x_lex_entity(x, best);
}

/* "SB 1047, a controversial bill": remember the description [a, b) of
   named document e (without its article), so that records about the
   described bill the headline gave become records about SB 1047
   (records.c). A described document describes nothing. */
static int described_as(struct rn_extractor *x, uint32_t e, size_t a, size_t b)
{
    const char *name = x_name(x, x->ents[e].name);
    if (x->ents[e].described != XNONE || !name || !isupper((unsigned char)name[0]))
        return RN_OK;
    while (a < b && x_is_det(x, a))
        a++;
    if (a == b || x_span_text(x, a, b, &x->tmp) != RN_OK)
        return a == b ? RN_OK : RN_ENOMEM;
    x->ents[e].described = x_str(x, x->tmp.data, x->tmp.len);
    return RN_OK;
}

/* A described document that is a document named just before: "SB 1047,
   a controversial bill" (the apposition), "SB 1047 ... was a California
   bill authored by X" (a predicate noun is its subject). The phrase is
   [start, head]. RN_OK, *done = 1 when added. */
static int document_named_before(struct rn_extractor *x, size_t i, size_t start, size_t head,
                                 int definite, int *done)
{
    uint32_t e = XNONE;
    if (start >= 2 && x_is_punct(x, start - 1, ',') && x->tok_m[start - 2] != XNONE &&
        x->m[x->tok_m[start - 2]].kind == MK_DOC) {
        e = x->m[x->tok_m[start - 2]].ent;
    } else if (!definite && i > 0 && x_is_be(x, i - 1)) {
        for (size_t k = 0; k < x->nm && x->m[k].kind != MK_ACTOR; k++) {
            if (x->m[k].kind == MK_DOC) {
                e = x->m[k].ent;
                break;
            }
        }
    }
    if (e == XNONE)
        return RN_OK;
    *done = 1;
    if (described_as(x, e, start, head + 1) != RN_OK)
        return RN_ENOMEM;
    return add_mention(x, start, head + 1, e, MK_DOC, 1);
}

/* "their latest statement" after "the international statement": a
   described document e with no name of its own (owner_cls: the class of
   the possessive at i) takes its owner's ("Five Eyes international
   statement"). RN_OK with *e the document meant. */
static int owner_named_document(struct rn_extractor *x, size_t i, uint32_t owner_cls, uint32_t *e)
{
    const char *dn = x_name(x, x->ents[*e].name);
    if (dn[0] < 'a' || dn[0] > 'z')
        return RN_OK;
    uint32_t owner = x_antecedent(x, owner_cls & RN_WORD_IT ? XWANT_NONPERSON : XWANT_PLURAL, i);
    if (owner == XNONE && (owner_cls & RN_WORD_THEY))
        owner = x_antecedent(x, XWANT_NONPERSON, i);
    if (owner == XNONE || x->ents[owner].type == RN_ETYPE_UNKNOWN)
        return RN_OK;
    struct rn_buf *o = &x->tmp;
    rn_buf_reset(o);
    if (rn_buf_adds(o, x_name(x, x->ents[owner].name)) != RN_OK || rn_buf_addc(o, ' ') != RN_OK ||
        rn_buf_adds(o, dn) != RN_OK)
        return RN_ENOMEM;
    uint32_t oe = x_entity(x, o->data, o->len, RN_ETYPE_DOCUMENT, XNONE);
    if (oe == XNONE)
        return RN_ENOMEM;
    x->ents[oe].head = x->ents[*e].head;
    x->ents[oe].family = x->ents[*e].family;
    *e = oe;
    return RN_OK;
}

/* A described document (head is a document's head noun, not a description
   of an actor) opened at i by a determiner or possessive (poss). */
static int described_document(struct rn_extractor *x, size_t i, size_t head, int poss,
                              int definite, int *done)
{
    size_t start = poss ? i + 1 : i;
    int rc = document_named_before(x, i, start, head, definite, done);
    if (rc != RN_OK || *done)
        return rc;
    /* "its initiative", "their statement" refer back like "the" does */
    uint32_t owner_cls = x_poss_of(x, i) & (RN_WORD_IT | RN_WORD_THEY);
    int back = definite || owner_cls;
    size_t end = x_doc_extend(x, head);
    uint32_t e = x_doc_entity(x, start, back && end == head + 1 ? head + 1 : end, head,
                              back && end == head + 1);
    if (e == XNONE)
        return RN_OK; /* a bare noun with nothing to refer to */
    if (owner_cls && end == head + 1 && (rc = owner_named_document(x, i, owner_cls, &e)) != RN_OK)
        return rc;
    *done = 1;
    /* "a law banning X": the name is long, the mention ends at "law" */
    size_t mend = end > head + 1 && x_doc_acts(x, head + 1) ? head + 1 : end;
    return add_mention(x, start, mend, e, MK_DOC, back);
}

/* The actor a singular description at [i, head] means: the known name
   inside it, else a recent actor of the type wanted (or want2), else
   XNONE. */
static uint32_t described_entity(struct rn_extractor *x, size_t i, size_t head, uint32_t inner,
                                 enum rn_etype want, enum rn_etype want2)
{
    uint32_t e = XNONE;
    if (inner != XNONE) {
        uint32_t ie = x_lex_entity(x, inner);
        const struct rn_lex_actor *la = rn_lexicon_actor(x->lex, inner);
        int product = x_cue(x, head, RN_CUE_PRODUCT);
        if (product && x->ents[ie].product != XNONE)
            e = x->ents[ie].product; /* the same product as before */
        else if (x_type_fits(la->type, want) && !(product && !x->ents[ie].seen))
            e = ie; /* "the Five Eyes alliance" is the Five Eyes */
        else
            e = x_recent(x, want, ie, XNONE);
        if (e == XNONE && x_type_fits(la->type, want))
            e = ie;
        if (product && e != ie && e != XNONE)
            x->ents[ie].product = e;
    } else if (x_is_cap(x, head)) {
        /* "the Commission": a capitalised head names a body; only one
           whose name holds that word is meant, else the known body of that
           name whose state or bloc the article names */
        e = recent_named(x, x_norm(x, head));
        if (e == XNONE)
            e = body_of_named_state(x, head);
    } else {
        /* "the IT ministry", "the agency": a body whose name holds the head
           noun before any other body */
        if (want == RN_ETYPE_ORGANIZATION) {
            e = recent_named(x, x_norm(x, head));
            if (e != XNONE && !x_type_fits(x->ents[e].type, want))
                e = XNONE;
        }
        /* "the government", "the authorities": the state that acted last,
           not one merely named since */
        if (want == RN_ETYPE_COUNTRY && x_cue(x, head, RN_CUE_GOV))
            e = x_acting_state(x, i, GOV_ACTING_SENTENCES);
        if (e == XNONE)
            e = x_recent_outside(x, want, i);
        /* "the ministry" is no unknown name; with no body known, it is
           the body of the one state the text is about */
        if (want == RN_ETYPE_ORGANIZATION && e != XNONE && x->ents[e].type == RN_ETYPE_UNKNOWN)
            e = XNONE;
        if (e == XNONE && want == RN_ETYPE_ORGANIZATION && x_cue(x, head, RN_CUE_ORGHEAD))
            e = x_topic_state(x);
        if (want2 != RN_ETYPE_UNKNOWN) {
            uint32_t e2 = x_recent_outside(x, want2, i);
            if (e2 != XNONE && (e == XNONE || x->ents[e2].seen > x->ents[e].seen))
                e = e2;
        }
    }
    return e;
}

/* The types a description's cue value names: one, or two ("organization|
   group": an alliance is a body like NATO or a grouping like the Five
   Eyes); *second is RN_ETYPE_UNKNOWN when there is one. 0 when unreadable. */
static int desc_types(const char *value, enum rn_etype *first, enum rn_etype *second)
{
    char tv[32];
    size_t tl = strcspn(value, "|");
    *second = RN_ETYPE_UNKNOWN;
    if (tl >= sizeof tv)
        return 0;
    memcpy(tv, value, tl);
    tv[tl] = '\0';
    if (rn_etype_parse(tv, first) != RN_OK)
        return 0;
    if (value[tl] == '|' && rn_etype_parse(value + tl + 1, second) != RN_OK)
        *second = RN_ETYPE_UNKNOWN;
    return 1;
}

/* "the ministry", "the two companies", "the Five Eyes alliance": a definite
   description of an actor (cues class desc at head) opened at i; inner is
   a known name inside it, or XNONE. */
static int described_actor(struct rn_extractor *x, size_t i, size_t head, uint32_t inner,
                           int *done)
{
    struct rn_cue_match cm;
    if (!x_cue_len(x, head, RN_CUE_DESC, &cm))
        return RN_OK;
    int plural = x_norm(x, head)[x->tok.items[head].norm_len - 1] == 's';
    enum rn_etype want, want2;
    if (!desc_types(cm.value, &want, &want2))
        return RN_OK;
    /* "the countries", "the two companies": the latest list of them; "the
       12 apps" is a counted set (mention of its own), not one app */
    if (plural) {
        int rc = RN_OK;
        /* a number must agree: "the two companies" after three is not them */
        unsigned long count = 0;
        if (head > i + 1 && (x_flags(x, head - 1) & RN_TOK_NUM))
            count = strtoul(x_norm(x, head - 1), NULL, 10);
        if (inner == XNONE && list_mention(x, i, head + 1, (int)want, XNONE, count, &rc))
            *done = 1;
        return rc;
    }
    uint32_t e = described_entity(x, i, head, inner, want, want2);
    if (e == XNONE)
        return RN_OK;
    *done = 1;
    return add_mention(x, i, head + 1, e, MK_ACTOR, 1);
}

/* "Kelpex, a messaging app owned by Dravo": an apposition whose head is a
   description's gives a name no lexicon knows its type, so that "the
   app" later finds it before other unknown names. */
static void type_by_apposition(struct rn_extractor *x, size_t i, size_t head)
{
    struct rn_cue_match cm;
    if (i < 2 || !x_is_punct(x, i - 1, ',') || x->tok_m[i - 2] == XNONE ||
        !x_cue_len(x, head, RN_CUE_DESC, &cm))
        return;
    const struct mention *m = &x->m[x->tok_m[i - 2]];
    if (m->kind != MK_ACTOR || m->ent == XNONE || m->pronoun || m->resolved)
        return;
    struct ent *en = &x->ents[m->ent];
    enum rn_etype type, type2;
    if (en->type == RN_ETYPE_UNKNOWN && en->lex == RN_LEX_NONE && desc_types(cm.value, &type, &type2))
        en->type = type;
}

/* "the Quillchat app", "the Zentara service": with a name no lexicon
   knows before it, a product's head (a description of companies) names
   that product (unknown_run reads it), not the last company */
static int names_product(struct rn_extractor *x, size_t head)
{
    struct rn_cue_match hm;
    return x_cue_len(x, head, RN_CUE_DESC, &hm) && strcmp(hm.value, "company") == 0;
}

/* What the words after a determiner or possessive hold, up to the head
   of the phrase. */
struct desc_phrase {
    size_t head;        /* the (last) description or document head noun, or XNONE */
    uint32_t inner;     /* a known name inside (lexicon actor), or XNONE */
    int inner_state;    /* a state's name or demonym inside ("the Kenyan regulator") */
    int inner_unknown;  /* a capitalised word no lexicon knows ("the Quillchat app") */
};

/* Read the phrase opened at i, up to five words, as far as its head
   (through compound heads: "data security initiative"). */
static void desc_phrase_read(struct rn_extractor *x, size_t i, struct desc_phrase *ph)
{
    *ph = (struct desc_phrase){ .head = XNONE, .inner = XNONE };
    for (size_t j = i + 1; j < x->tok.len && j - i <= 5; j++) {
        if (!x_is_word(x, j) && !x_is_punct(x, j, '"') && !x_is_punct(x, j, '\''))
            break;
        if (x_is_prep(x, j) || x_is_conj(x, j) || x_is_aux(x, j) || x_is_wh(x, j))
            break;
        /* "The Senate passed the bill": a second determiner opens another
           phrase; "The EU wants rules": so does a verb after a name, or an
           adverb ("The Senate recently approved legislation") */
        if (j > i + 1 &&
            (x_is_det(x, j) || (x_is_cap(x, j - 1) && (likely_verb(x, j) || x_is_adverb(x, j)))))
            break;
        struct rn_gaz_match g;
        if (x_is_cap(x, j) &&
            rn_lexicon_match(x->lex, x->wc, &x->tok, j, x->tok.len, x->allcaps, &g)) {
            if (g.kind != RN_GAZ_DEMONYM && ph->inner == XNONE)
                ph->inner = g.actor;
            if (g.kind == RN_GAZ_DEMONYM ||
                rn_lexicon_actor(x->lex, g.actor)->type == RN_ETYPE_COUNTRY)
                ph->inner_state = 1;
            j += g.ntok - 1;
            continue;
        }
        if (x_is_cap(x, j) && !x->titlecase && !x->allcaps)
            ph->inner_unknown = 1;
        if (x_cue(x, j, RN_CUE_DESC) || x_cue(x, j, RN_CUE_DOCHEAD)) {
            ph->head = j;
            /* keep going for compound heads: "data security initiative" */
            if (!(x_cue(x, j + 1, RN_CUE_DESC) || x_cue(x, j + 1, RN_CUE_DOCHEAD)))
                break;
        }
    }
}

/* Phrases with a head that still describe nothing here. */
static int describes_nothing(struct rn_extractor *x, size_t i, const struct desc_phrase *ph,
                             int poss)
{
    size_t head = ph->head;
    if (head + 1 < x->tok.len && x_is_cap(x, head + 1) && !poss)
        return 1; /* "the Chinese company ZTE": the name follows */
    /* "the Global Statement on Peer-to-Peer Lending": a name in Title Case
       is read whole as a name (unknown_run), not as a description */
    if (!x->allcaps && !x->titlecase && x_is_cap(x, head) && head > i + 1 && x_is_cap(x, head - 1) &&
        x_cue(x, head, RN_CUE_DOCHEAD) && x->tok_m[head - 1] == XNONE) {
        struct rn_gaz_match g;
        if (!rn_lexicon_match(x->lex, x->wc, &x->tok, head - 1, x->tok.len, x->allcaps, &g))
            return 1;
    }
    /* "the Kenyan regulator", "the Chinese government": a state's body,
       named at the demonym (state_forms) */
    if (ph->inner_state && (x_cue(x, head, RN_CUE_INST) || x_cue(x, head, RN_CUE_GOV)))
        return 1;
    /* "has no plans to ban X", "no agreement was reached": a denied
       document names nothing, and the verb after it stays a verb */
    return x_is(x, i, "no") && x_cue(x, head, RN_CUE_DOCHEAD);
}

/* A definite description or a document phrase at i ("the country", "the
   OpenAI chatbot", "its own data security initiative"). RN_OK, *done = 1
   when it added a mention. */
static __attribute__((noinline)) int description_from(struct rn_extractor *x, size_t i, int *done)
{
    int poss = (x_flags(x, i) & RN_TOK_POSS) != 0;
    /* "on the orders of X" names an agent, not a document */
    struct rn_cue_match am;
    if (i > 0 && x_cue_len(x, i - 1, RN_CUE_AGENT, &am))
        return RN_OK;
    int definite = x_in_class(x, i, RN_WORD_DEF);
    struct desc_phrase ph;
    desc_phrase_read(x, i, &ph);
    if (ph.head == XNONE || describes_nothing(x, i, &ph, poss))
        return RN_OK;
    size_t head = ph.head;
    if (x_cue(x, head, RN_CUE_DOCHEAD) && !x_cue(x, head, RN_CUE_DESC))
        return described_document(x, i, head, poss, definite, done);
    if (!definite && x_cue(x, head, RN_CUE_DESC))
        type_by_apposition(x, i, head);
    if (!definite || !x_cue(x, head, RN_CUE_DESC))
        return RN_OK;
    if (ph.inner == XNONE && ph.inner_unknown && names_product(x, head))
        return RN_OK;
    return described_actor(x, i, head, ph.inner, done);
}

/* description_from at a determiner or possessive (the test inline, the
   phrase out of line). */
static inline int description(struct rn_extractor *x, size_t i, int *done)
{
    *done = 0;
    return (x_flags(x, i) & RN_TOK_POSS) || x_is_det(x, i) ? description_from(x, i, done) : RN_OK;
}

/* Are the letters of the acronym at k the initials of the name's words
   [a, b), in order, each word giving at most one ("Marlow Accord" -> MA;
   grammar words may be skipped: "Bank of Korea" -> BK or BOK)? */
static int initials_match(const struct rn_extractor *x, size_t a, size_t b, size_t k)
{
    const char *acr = x_norm(x, k);
    size_t n = x->tok.items[k].norm_len, q = 0;
    for (size_t w = a; w < b && q < n; w++) {
        if (!x_is_word(x, w))
            continue;
        if (x_norm(x, w)[0] == acr[q])
            q++;
        else if (x_is_cap(x, w))
            return 0; /* every capitalised word gives its letter */
    }
    return q == n && n >= 2;
}

/* An acronym the text defines right after the name [a, end) of entity e:
   "National Cyber Security Centre (NCSC)" or "the Storm Group, known as
   the SG-1," (any acronym: the writer says so), or "the Marlow Accord,
   or MA," (only when its letters are the name's initials: "Peru, or UK,"
   defines nothing). Registers the short
   form and returns the end of the mention, past the definition. */
static size_t acronym_def(struct rn_extractor *x, size_t a, size_t end, uint32_t e)
{
    size_t n = x->tok.len;
    if (x_is_punct(x, end, '(') && end + 2 < n && (x_flags(x, end + 1) & RN_TOK_UPPER) &&
        x_is_punct(x, end + 2, ')')) {
        x_short(x, x_norm(x, end + 1), x->tok.items[end + 1].norm_len, e);
        return end + 3;
    }
    /* ", or MA,", ", also known as MA,", ", known as the MA," (cues class
       acronym; a value asks that the letters be the name's initials) */
    struct rn_cue_match cm;
    int len = x_is_punct(x, end, ',') ? x_cue_len(x, end + 1, RN_CUE_ACRONYM, &cm) : 0;
    if (!len)
        return end;
    size_t k = end + 1 + (size_t)len;
    if (k < n && x_is_det(x, k))
        k++;
    if (k + 1 < n && (x_flags(x, k) & RN_TOK_UPPER) &&
        (x_is_punct(x, k + 1, ',') || x_is_punct(x, k + 1, '.')) &&
        (!cm.value[0] || initials_match(x, a, end, k))) {
        x_short(x, x_norm(x, k), x->tok.items[k].norm_len, e);
        return k + 1;
    }
    return end;
}

/* The short form of the document name [i, j): the name up to its head
   noun when a complement follows ("Bletchley Declaration" of "Bletchley
   Declaration on AI Safety"); 0 when there is none. Its end is *core_end. */
static int doc_core(struct rn_extractor *x, size_t i, size_t j, size_t *core_end)
{
    for (size_t h = i + 1; h + 2 < j; h++)
        if (x_cue(x, h, RN_CUE_DOCHEAD) && x_doc_prep(x, h + 1)) {
            *core_end = h + 1;
            return 1;
        }
    return 0;
}

/* One document, two names in one article: "the Bletchley Declaration on
   AI Safety ... the Bletchley Declaration". The name first seen names it:
   the document a long name [i, j) shortens to, or the long one a short
   name was registered for (doc_short_form); XNONE when neither. Leaves
   the name [i, j) in x->tmp. */
static uint32_t doc_long_short(struct rn_extractor *x, size_t i, size_t j)
{
    uint32_t e = XNONE;
    size_t ce;
    if (doc_core(x, i, j, &ce) && x_span_text(x, i, ce, &x->tmp) == RN_OK) {
        e = x_find_entity(x, x->tmp.data);
        if (e != XNONE && x->ents[e].type != RN_ETYPE_DOCUMENT)
            e = XNONE;
    }
    if (x_span_text(x, i, j, &x->tmp) != RN_OK)
        return XNONE;
    if (e == XNONE) {
        e = x_short_find(x, x->tmp.data, x->tmp.len);
        if (e != XNONE && x->ents[e].type != RN_ETYPE_DOCUMENT)
            e = XNONE;
    }
    return e;
}

/* A long document name [i, j) registers its short form for later. */
static void doc_short_form(struct rn_extractor *x, size_t i, size_t j, uint32_t e)
{
    size_t ce;
    if (doc_core(x, i, j, &ce) && x_span_text(x, i, ce, &x->tmp) == RN_OK &&
        x_find_entity(x, x->tmp.data) == XNONE)
        x_short(x, x->tmp.data, x->tmp.len, e);
}

/* "Securities and Exchange Commission", "Food and Drug Administration":
   English words on both sides of "and" at j, and the run of capitals after
   it ends in a body's head (cues class orghead)? Then "and" joins one name,
   not two ("Brightwave and Tollan Bank" are two). */
static int and_body(struct rn_extractor *x, size_t j)
{
    if (j == 0 || !x_have_pos(x) || !x_english(x, j - 1) || !x_english(x, j + 1))
        return 0;
    size_t k = j + 1;
    while (k < x->tok.len && k - j <= 4 && x_is_cap(x, k))
        k++;
    struct rn_cue_match cm;
    return k > j + 1 && x_cue_len(x, k - 1, RN_CUE_ORGHEAD, &cm) == 1;
}

/* "the People's Labour Party", "the Workers' Party": a possessive at j
   inside a name - after a common English word, with a body's head in the
   capitalised words that follow. "Vantrix's Board" stays two names. */
static int possessive_in_name(struct rn_extractor *x, size_t j)
{
    if (!(x_flags(x, j) & RN_TOK_POSS) || !x_english(x, j - 1) || !x_is_cap(x, j + 1))
        return 0;
    for (size_t k = j + 1; k < x->tok.len && k - j <= 4 && x_is_cap(x, k); k++)
        if (x_cue(x, k, RN_CUE_ORGHEAD))
            return 1;
    return 0;
}

/* Where the capitalised run from i ends: capitals, numbers joined to them
   ("Storm-0917"), hyphenated compounds, and connectors between capitals
   (*has_of: "Bank of Korea"); a known name inside it ends it. */
static size_t unknown_run_end(struct rn_extractor *x, size_t i, int *has_of)
{
    size_t j = i;
    *has_of = 0;
    while (j < x->tok.len && j - i < 10) {
        /* "End-to-End": a hyphenated compound between capitals */
        int compound = j > i && x_is_word(x, j) && (x_flags(x, j) & RN_TOK_HYPHEN) &&
                       x_is_cap(x, j + 1) && (x_flags(x, j + 1) & RN_TOK_HYPHEN);
        /* "Storm-0917", "APT-41": a number joined by a hyphen */
        int hyphen_num = j > i && (x_flags(x, j) & RN_TOK_NUM) && (x_flags(x, j) & RN_TOK_HYPHEN) &&
                         !(x_flags(x, j) & RN_TOK_SPACE);
        /* a Title Case headline capitalises its prepositions and verbs too */
        if (j > i && headline_verb(x, j))
            break;
        int headline_small = x->titlecase && (x_is_prep(x, j) || x_is_conj(x, j));
        if ((x_is_cap(x, j) && !headline_small) || compound || hyphen_num ||
            (j > i && possessive_in_name(x, j)) ||
            ((x_flags(x, j) & RN_TOK_NUM) && j > i && x_is_cap(x, j - 1) &&
             (x_flags(x, j) & RN_TOK_SPACE) && j - i <= 3)) {
            if (j > i) {
                struct rn_gaz_match g;
                if (rn_lexicon_match(x->lex, x->wc, &x->tok, j, x->tok.len, x->allcaps, &g) &&
                    g.kind != RN_GAZ_SURNAME &&
                    (rn_lexicon_actor(x->lex, g.actor)->type != RN_ETYPE_COUNTRY ||
                     !(x_is(x, j - 1, "of") || x_is(x, j - 1, "for"))))
                    break;
            }
            j++;
            continue;
        }
        /* "Bank of Korea", "Center for X", "Declaration on AI": a connector
           joins capitals; "on" only after a document or body head ("the
           port of Kotka on Brightwave" is two names) */
        int head_before = x_cue(x, j - 1, RN_CUE_DOCHEAD) || x_cue(x, j - 1, RN_CUE_ORGHEAD);
        int on_ok = !x_is(x, j, "on") || head_before;
        /* ... and in a Title Case headline only after such a head ("Bank
           Of Korea"; not "Accuses Kelpex Of Spying") */
        if (headline_small && !head_before)
            break;
        if (j > i && j + 1 < x->tok.len && x_is_cap(x, j + 1) && !x_is_time_word(x, j + 1) && on_ok &&
            (x_is(x, j, "of") || x_is(x, j, "for") || x_is(x, j, "on") ||
             (x_is(x, j, "and") && (*has_of || and_body(x, j))))) {
            *has_of = 1;
            j++;
            continue;
        }
        break;
    }
    return j;
}

/* A sentence opens with a capital: believe the run [i, j) at the
   sentence's first word only when it is longer or a verb we know follows. */
static int believed_opener(struct rn_extractor *x, size_t i, size_t j)
{
    /* one capitalised word that English does not know is a name
       ("Vantrix, which ..."); an English word ("Murmur", "Critics")
       must show it by what follows */
    if (j - i == 1 && x_have_pos(x) && !x_english(x, i))
        return 1;
    int verb = 0;
    const struct rn_trigger *tr[4];
    uint32_t nt[4];
    if (j < x->tok.len && (rn_lexicon_triggers(x->lex, x->wc, &x->tok, j, x->tok.len, tr, nt,
                                               4) ||
                           x_cue(x, j, RN_CUE_SPEECH) || x_is_aux(x, j)))
        verb = 1;
    if (x_is_det(x, i) || x_is_prep(x, i) || x_is_conj(x, i) || x_is_wh(x, i) ||
        (j - i < 2 && !verb))
        return 0;
    /* "Critics accused ...", "Analysts said ...": a plural common noun */
    size_t n0 = x->tok.items[i].norm_len;
    if (j - i == 1 && !(x_flags(x, i) & RN_TOK_UPPER) && n0 > 4 && x_norm(x, i)[n0 - 1] == 's' &&
        x_norm(x, i)[n0 - 2] != 's')
        return 0;
    return 1;
}

/* "the Communications Authority of Kenya": the name of the state that
   ends the run [i, j) after "of", or XNONE. */
static uint32_t state_after_of(struct rn_extractor *x, size_t i, size_t j)
{
    struct rn_gaz_match g;
    for (size_t k = i + 1; k + 1 < j; k++) {
        if (!x_is(x, k, "of"))
            continue;
        if (rn_lexicon_match(x->lex, x->wc, &x->tok, k + 1, j, x->allcaps, &g) &&
            k + 1 + g.ntok == j && rn_lexicon_actor(x->lex, g.actor)->type == RN_ETYPE_COUNTRY &&
            g.kind != RN_GAZ_DEMONYM)
            return x->ents[x_lex_entity(x, g.actor)].name;
    }
    return XNONE;
}

/* The entity of the unknown run [i, j): a document (doc; bill: "SB 1047")
   with its head, else an actor of the type found (classified: named by
   its kind, "the media regulator Nettilsyn"). XNONE when out of memory. */
static uint32_t unknown_entity(struct rn_extractor *x, size_t i, size_t j, int doc, int bill,
                               enum rn_etype type, int classified)
{
    if (x_span_text(x, i, j, &x->tmp) != RN_OK)
        return XNONE;
    uint32_t e;
    if (doc) {
        e = doc_long_short(x, i, j);
        if (e == XNONE)
            e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_DOCUMENT, XNONE);
        if (e != XNONE && x->ents[e].head == XNONE) {
            size_t h = j - 1;
            for (size_t k = i; k < j; k++)
                if (x_cue(x, k, RN_CUE_DOCHEAD))
                    h = k;
            x_doc_set_head(x, e, h);
            if (bill) {
                x->ents[e].head = x_str(x, "bill", 4);
                x->ents[e].family = x_str(x, "law", 3);
            }
        }
    } else {
        e = x_entity(x, x->tmp.data, x->tmp.len, type, XNONE);
        /* "the media regulator Nettilsyn": a state body named by its kind
           belongs to the state the text is about */
        if (e != XNONE && classified && type == RN_ETYPE_ORGANIZATION && x->ents[e].aff == XNONE) {
            uint32_t st = x_topic_state(x);
            if (st != XNONE)
                x->ents[e].aff = x->ents[st].name;
        }
        if (e != XNONE && type == RN_ETYPE_ORGANIZATION && x->ents[e].aff == XNONE)
            x->ents[e].aff = state_after_of(x, i, j);
    }
    return e;
}

/* Can an unknown capitalised run start at i? *tech: it opens with a
   technology word that may open a name carrying its own kind ("AI Safety
   Institute", "AI Act"). */
static int unknown_run_opens(struct rn_extractor *x, size_t i, int *tech)
{
    *tech = x_cue(x, i, RN_CUE_NOTNAME) && (x_flags(x, i) & RN_TOK_UPPER) && !x->allcaps &&
            x_is_cap(x, i + 1) && !x_cue(x, i + 1, RN_CUE_NOTNAME);
    if (!x_is_cap(x, i) || (x_cue(x, i, RN_CUE_NOTNAME) && !*tech) || (x_flags(x, i) & RN_TOK_HYPHEN))
        return 0;
    /* "Last Wednesday", "Early March": a time phrase, not a name */
    if (x_cue(x, i, RN_CUE_TIME) && x_cue(x, i + 1, RN_CUE_NOTNAME))
        return 0;
    return !headline_verb(x, i);
}

/* What the unknown run [i, j) names, from its words and the words before. */
struct run_kind {
    int doc;             /* a document: it holds a document's head */
    int bill;            /* a bill number: "SB 1047" */
    int classified;      /* named by its kind: "the media regulator Nettilsyn" */
    enum rn_etype type;  /* else the actor's type found, or RN_ETYPE_UNKNOWN */
};

static void unknown_run_kind(struct rn_extractor *x, size_t i, size_t j, int has_of,
                             struct run_kind *rk)
{
    struct rn_cue_match cm;
    *rk = (struct run_kind){ .type = RN_ETYPE_UNKNOWN };
    for (size_t k = i; k < j; k++)
        if (x_cue(x, k, RN_CUE_DOCHEAD))
            rk->doc = 1;
    if (x_cue_len(x, j - 1, RN_CUE_ORGHEAD, &cm) && rn_etype_parse(cm.value, &rk->type) == RN_OK)
        rk->doc = 0;
    /* "Singapore-based Kestrel Initiative": a place joined to a participle
       describes a body, never a document */
    uint32_t before = i > 0 ? x->tok_m[i - 1] : XNONE;
    if (before != XNONE && x->m[before].kind == MK_MOD && x->m[before].b == i && x_is_lower(x, i - 1) &&
        (x_flags(x, i - 1) & RN_TOK_HYPHEN))
        rk->doc = 0;
    /* "Ministry of Ecology", "Communications Authority of Kenya": a body's
       head before "of" */
    for (size_t k = i; has_of && k + 1 < j; k++)
        if (x_cue(x, k, RN_CUE_ORGHEAD) && x_is(x, k + 1, "of"))
            rk->type = RN_ETYPE_ORGANIZATION;
    if (i > 0 && (x_cue(x, i - 1, RN_CUE_HONORIFIC) || x_cue(x, i - 1, RN_CUE_TITLE)))
        rk->type = RN_ETYPE_PERSON;
    /* "the media regulator Roskomnadzor", "chip maker Nexperia" */
    if (rk->type == RN_ETYPE_UNKNOWN && i > 0 && x_is_lower(x, i - 1) &&
        x_cue_len(x, i - 1, RN_CUE_DESC, &cm) && strcmp(cm.value, "country") != 0)
        rk->classified = rn_etype_parse(cm.value, &rk->type) == RN_OK;
    rk->bill = j - i == 2 && (x_flags(x, i) & RN_TOK_UPPER) && (x_flags(x, i + 1) & RN_TOK_NUM) &&
               x->tok.items[i].norm_len <= 3;
    if (rk->bill)
        rk->doc = 1;
}

/* Where the mention of the actor named [i, j) ends (end: after its
   acronym, if it defines one): a lowercase word after the name may belong
   to it. */
static size_t unknown_actor_end(struct rn_extractor *x, size_t i, size_t j, size_t end,
                                enum rn_etype type)
{
    if (type != RN_ETYPE_PERSON && end == j && x_cue(x, end, RN_CUE_FUNC) && x_is_lower(x, end))
        return end + 1; /* "a National Security Council official", "a Kelpex spokesperson" */
    /* "the Night Heron group", "the Kestrel network": a lowercase head
       noun after the name is part of the mention (not of the name), so the
       phrase is one argument */
    if (end == j && i > 0 && x_is(x, i - 1, "the") && x_is_lower(x, end) &&
        x_cue(x, end, RN_CUE_ORGHEAD))
        return end + 1;
    return end;
}

/* An unknown capitalised run at i: a name no lexicon knows, a document,
   or nothing. A reading of the cascade (see took_mention). */
static __attribute__((noinline)) int unknown_run_from(struct rn_extractor *x, size_t i,
                                                     size_t *last)
{
    int tech, has_of;
    if (!unknown_run_opens(x, i, &tech))
        return RN_OK;
    size_t j = unknown_run_end(x, i, &has_of);
    /* "— The US ...", "A, The B": a capitalised grammar word alone is no
       name, wherever it stands */
    const uint32_t grammar = RN_WORD_DET | RN_WORD_PREP | RN_WORD_CONJ | RN_WORD_WH;
    if (j == i || (j == i + 1 && (x_is_closed(x, i) || x_in_class(x, i, grammar))))
        return RN_OK;
    if (i == x->first_word && !believed_opener(x, i, j))
        return RN_OK;
    struct run_kind rk;
    unknown_run_kind(x, i, j, has_of, &rk);
    /* a headline in Title Case capitalises every word: only names that
       carry their own kind (a document or organisation noun) are trusted */
    if ((x->titlecase || tech) && !rk.doc && rk.type == RN_ETYPE_UNKNOWN)
        return RN_OK;
    uint32_t e = unknown_entity(x, i, j, rk.doc, rk.bill, rk.type, rk.classified);
    if (e == XNONE)
        return RN_ENOMEM;
    if (rk.doc)
        doc_short_form(x, i, j, e);
    size_t end = acronym_def(x, i, j, e);
    if (!rk.doc)
        end = unknown_actor_end(x, i, j, end, rk.type);
    if (!rk.doc && rk.type != RN_ETYPE_ORGANIZATION && rk.type != RN_ETYPE_COMPANY && j - i >= 2 &&
        j - i <= 3 && !has_of) {
        /* "Ola Berg": a known given name makes the run a person */
        if (x->ents[e].type == RN_ETYPE_UNKNOWN && x_cue(x, i, RN_CUE_GENDER) && gender_cue(x, i))
            x->ents[e].type = RN_ETYPE_PERSON;
        person_shorts(x, i, j, e);
    }
    return took_mention(x, add_mention(x, i, end, e, rk.doc ? MK_DOC : MK_ACTOR, 0), last);
}

/* unknown_run_from at a capitalised word, which unknown_run_opens asks
   for first (the test inline, the run out of line). */
static inline int unknown_run(struct rn_extractor *x, size_t i, size_t *last)
{
    return x_is_cap(x, i) ? unknown_run_from(x, i, last) : RN_OK;
}

/* "61 countries", "59 Chinese apps", "two Chinese nationals". A reading
   of the cascade (see took_mention). */
static __attribute__((noinline)) int counted_set_from(struct rn_extractor *x, size_t i,
                                                     size_t *last)
{
    /* "one individual and one group": singles counted together */
    if (x_is(x, i, "one") && x_is_lower(x, i + 1) && (x_pos(x, i + 1) & RN_WP_NOUN) && x_is(x, i + 2, "and") &&
        x_is(x, i + 3, "one") && x_is_lower(x, i + 4) && (x_pos(x, i + 4) & RN_WP_NOUN))
        return took_mention(x, add_mention(x, i, i + 5, XNONE, MK_QUANT, 0), last);
    if (!x_is_numberish(x, i))
        return RN_OK;
    /* "Aug. 6 banning ...", "May 5": a day of a month counts nothing */
    if (i > 0 && (x_cue(x, i - 1, RN_CUE_NOTNAME) ||
                  (i > 1 && x_is_punct(x, i - 1, '.') && x_cue(x, i - 2, RN_CUE_NOTNAME))))
        return RN_OK;
    uint32_t state = XNONE;
    size_t j = i + 1, reach = 4;
    /* "two of the most awaited initiatives", "three of its partners": a
       part counted out of a described whole */
    if (x_is(x, j, "of") && x_is_det(x, j + 1) && !x_is(x, j + 1, "a") && !x_is(x, j + 1, "an")) {
        j += 2;
        reach = 6;
    }
    for (; j < x->tok.len && j - i <= reach; j++) {
        struct rn_gaz_match g;
        if (x_is_cap(x, j) &&
            rn_lexicon_match(x->lex, x->wc, &x->tok, j, x->tok.len, x->allcaps, &g) &&
            rn_lexicon_actor(x->lex, g.actor)->type == RN_ETYPE_COUNTRY) {
            state = x_lex_entity(x, g.actor);
            j += g.ntok - 1;
            continue;
        }
        if (x_is_plural_noun(x, j))
            break;
        /* "dozens of Chinese apps", "hundreds of websites" */
        if (j == i + 1 && x_is(x, j, "of") && !(x_flags(x, i) & RN_TOK_NUM) &&
            x_norm(x, i)[x->tok.items[i].norm_len - 1] == 's')
            continue;
        if (!x_is_word(x, j) || x_is_prep(x, j) || x_is_conj(x, j) || x_is_aux(x, j))
            return RN_OK;
    }
    /* "two days ago", "three years": a span of time counts no one */
    if (j >= x->tok.len || !x_is_plural_noun(x, j) || x_cue(x, j, RN_CUE_TIME))
        return RN_OK;
    if (add_mention(x, i, j + 1, XNONE, MK_QUANT, 0) != RN_OK)
        return RN_ENOMEM;
    x->m[x->nm - 1].state = state;
    return took_mention(x, RN_OK, last);
}

/* counted_set_from at "one" or a number (the test inline, the set out of
   line). */
static inline int counted_set(struct rn_extractor *x, size_t i, size_t *last)
{
    return x_is(x, i, "one") || x_is_numberish(x, i) ? counted_set_from(x, i, last) : RN_OK;
}

/* "Joe Biden's administration", "the country's longtime leader",
   "Peru's foreign minister said": a government, or an official named by
   title alone, owned by a person or state is that person's state (the
   guidelines count governments and officials as the country). A name
   after the title ("Peru's foreign minister, Ana Soto,") is left to the
   apposition. The owner's mention grows over the phrase. */
static void unnamed_officials(struct rn_extractor *x)
{
    for (size_t i = 0; i < x->nm; i++) {
        struct mention *m = &x->m[i];
        /* "Kappa Daily correspondents", "Vantrix employees": a body's people
           act for it */
        if (m->kind == MK_ACTOR && !m->pronoun && !m->list && m->b < x->tok.len &&
            x->tok_m[m->b] == XNONE && x_is_lower(x, m->b) && x_cue(x, m->b, RN_CUE_MEMBER) &&
            x->ents[m->ent].type != RN_ETYPE_PERSON && x->ents[m->ent].type != RN_ETYPE_COUNTRY &&
            !(x_flags(x, m->b - 1) & RN_TOK_POSS)) {
            x->tok_m[m->b] = (uint32_t)i;
            m->b++;
            continue;
        }
        if (m->kind != MK_ACTOR || m->pronoun || m->list || !(x_flags(x, m->b) & RN_TOK_POSS))
            continue;
        const struct ent *owner = &x->ents[m->ent];
        uint32_t st = owner->type == RN_ETYPE_COUNTRY  ? m->ent
                      : owner->type == RN_ETYPE_PERSON ? x_state_of(x, m->ent)
                                                       : XNONE;
        if (st == XNONE)
            continue;
        size_t k = m->b + 1;
        while (k < x->tok.len && k - m->b <= 3 && x_is_lower(x, k) && x->tok_m[k] == XNONE &&
               !x_cue(x, k, RN_CUE_TITLE) && !x_cue(x, k, RN_CUE_GOV) && !x_is_prep(x, k) && !x_is_conj(x, k) &&
               !x_is_aux(x, k) && (x_pos(x, k) & RN_WP_ADJ))
            k++;
        struct rn_cue_match cm;
        int n = x_is_lower(x, k) ? x_cue_len(x, k, RN_CUE_GOV, &cm) : 0;
        if (!n && x_is_lower(x, k) && owner->type == RN_ETYPE_COUNTRY)
            n = x_cue_len(x, k, RN_CUE_TITLE, &cm);
        if (!n)
            continue;
        size_t end = k + (size_t)n;
        if (end < x->tok.len && (x_is_cap(x, end) || (x_is_punct(x, end, ',') && x_is_cap(x, end + 1))))
            continue;
        int free_span = 1;
        for (size_t q = m->b; q < end; q++)
            free_span &= x->tok_m[q] == XNONE;
        if (!free_span)
            continue;
        for (size_t q = m->b; q < end; q++)
            x->tok_m[q] = (uint32_t)i;
        m->b = (uint32_t)end;
        m->ent = st;
    }
}

/* "Norway Data Act": capitalised words after a state's name [i, k) that
   end in a document's head name a document (not past a headline's verb:
   "Uganda Sign Trade Accord"). RN_OK with *last its last token, or XNONE. */
static int state_document(struct rn_extractor *x, size_t i, size_t k, size_t *last)
{
    size_t h = XNONE;
    *last = XNONE;
    for (; k < x->tok.len && k - i < 8 && x_is_cap(x, k) && !headline_verb(x, k); k++)
        if (x_cue(x, k, RN_CUE_DOCHEAD))
            h = k;
    if (h == XNONE)
        return RN_OK;
    if (x_span_text(x, i, h + 1, &x->tmp) != RN_OK)
        return RN_ENOMEM;
    uint32_t d = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_DOCUMENT, XNONE);
    if (d == XNONE)
        return RN_ENOMEM;
    x_doc_set_head(x, d, h);
    *last = h;
    return add_mention(x, i, h + 1, d, MK_DOC, 0);
}

/* "the New York Times", "California Air Resources Board", "Kenya
   Airways": a state's name at [i, k) that capitalised words no lexicon
   knows go on from is the first word of a longer name, of that state.
   Not in a Title Case
   headline, not before a headline verb, a day or a month ("Norway
   Monday banned"), nor a name the lexicon knows ("China Mobile" is
   matched whole before). RN_OK, *done = 1 when it added the mention. */
static int state_opens_name(struct rn_extractor *x, size_t i, size_t k, uint32_t state, int *done)
{
    struct rn_gaz_match g;
    int has_of, tech;
    if (x->titlecase || (x_flags(x, k - 1) & (RN_TOK_POSS | RN_TOK_HYPHEN)) ||
        !unknown_run_opens(x, k, &tech) || tech || x_cue(x, k, RN_CUE_TIME) ||
        rn_lexicon_match(x->lex, x->wc, &x->tok, k, x->tok.len, x->allcaps, &g))
        return RN_OK;
    size_t j = unknown_run_end(x, k, &has_of);
    struct run_kind rk;
    unknown_run_kind(x, k, j, has_of, &rk);
    /* "the US Quillchat ban": the state owns an act on the name */
    const struct rn_trigger *tr[2];
    uint32_t nt[2];
    if (j == k || rk.doc || rk.bill ||
        (x_is_lower(x, j) && (x_pos(x, j) & RN_WP_NOUN) &&
         rn_lexicon_triggers(x->lex, x->wc, &x->tok, j, x->tok.len, tr, nt, 2)))
        return RN_OK;
    if (x_span_text(x, i, j, &x->tmp) != RN_OK)
        return RN_ENOMEM;
    uint32_t e = x_entity(x, x->tmp.data, x->tmp.len, rk.type, x->ents[state].name);
    if (e == XNONE)
        return RN_ENOMEM;
    *done = 1;
    return add_mention(x, i, j, e, MK_ACTOR, 0);
}

/* A name the lexicon knows at i: a state (with the forms state_forms
   reads), a person, a body, a surname the article has given one person,
   or a document a state's name opens ("Norway Data Act"). A reading of
   the cascade (see took_mention). */
static int known_name(struct rn_extractor *x, size_t i, size_t *last)
{
    size_t n = x->tok.len, got;
    int done = 0, rc;
    struct rn_gaz_match g;
    if (!(x->tok.items[i].flags & RN_TOK_WORD) ||
        !rn_lexicon_match(x->lex, x->wc, &x->tok, i, n, x->allcaps, &g))
        return RN_OK;
    const struct rn_lex_actor *la = rn_lexicon_actor(x->lex, g.actor);
    /* a surname alone: only where the name is standalone and the
       article has not given that short form to someone else */
    if (g.kind == RN_GAZ_SURNAME) {
        uint32_t s = x_short_find(x, x_norm(x, i), x->tok.items[i].norm_len);
        if (s != XNONE)
            return took_through(add_mention(x, i, i + 1, s, MK_ACTOR, 1), i, last);
        if (x_is_cap(x, i + 1))
            return RN_OK;
    }
    /* "Norway Data Act"; after a determiner also a company's or body's
       name: "the Kelpex Safety Pact" */
    int opens_document = la->type == RN_ETYPE_COUNTRY ||
                         (la->type != RN_ETYPE_PERSON && i > 0 && x_is_det(x, i - 1));
    if (opens_document && g.kind != RN_GAZ_DEMONYM &&
        ((rc = state_document(x, i, i + g.ntok, &got)) != RN_OK || got != XNONE))
        return took_through(rc, got, last);
    uint32_t e = x_lex_entity(x, g.actor);
    if (e == XNONE)
        return RN_ENOMEM;
    if (la->type == RN_ETYPE_COUNTRY) {
        size_t start = i > 0 && x_is(x, i - 1, "the") && x->tok_m[i - 1] == XNONE ? i - 1 : i;
        rc = state_forms(x, start, i + g.ntok, e, g.kind == RN_GAZ_DEMONYM, &done);
        if (rc == RN_OK && !done && g.kind != RN_GAZ_DEMONYM)
            rc = state_opens_name(x, i, i + g.ntok, e, &done);
    } else if (la->type == RN_ETYPE_PERSON) {
        person_shorts(x, i, i + g.ntok, e);
        rc = RN_OK;
    } else if (g.kind == RN_GAZ_DEMONYM) {
        /* "European" for the EU: treat like a state's demonym */
        rc = state_forms(x, i, i + g.ntok, e, 1, &done);
    } else {
        rc = RN_OK;
    }
    if (rc != RN_OK || done)
        return took_if_done(x, rc, done, last);
    size_t end = i + g.ntok;
    /* "a Foreign Ministry official": the body speaks */
    if (la->type != RN_ETYPE_PERSON && x_cue(x, end, RN_CUE_FUNC) && x_is_lower(x, end))
        end++;
    end = acronym_def(x, i, end, e);
    return took_through(add_mention(x, i, end, e, MK_ACTOR, 0), end - 1, last);
}

/* "introduced legislation that would ban Y", "adopted new rules to block
   Y": a document noun with no determiner, whose acts follow it (a relative
   clause, "to" and a trigger, a trigger in -ing), is a document named by
   its noun, for the acts to belong to whoever proposed or passed it. A
   reading of the cascade (see took_mention). */
static int bare_document(struct rn_extractor *x, size_t i, size_t *last)
{
    /* "new rules", "sweeping legislation": adjectives open the phrase */
    size_t head = i;
    while (head < x->tok.len && head - i < 2 && x_is_lower(x, head) &&
           (x_pos(x, head) & (RN_WP_ADJ | RN_WP_VERB)) == RN_WP_ADJ && !x_is_closed(x, head))
        head++;
    /* (not "Ghana plans to ban": a verb after its subject) */
    if (head >= x->tok.len || !x_is_lower(x, head) || !x_cue(x, head, RN_CUE_DOCHEAD) ||
        x_cue(x, head, RN_CUE_DESC) || i == 0 || !x_is_lower(x, i - 1) || x_is_det(x, i - 1) ||
        (x_flags(x, i - 1) & RN_TOK_POSS) || x->tok_m[i - 1] != XNONE)
        return 0;
    size_t after = head + 1;
    int relative = x_is_wh(x, after) && after + 1 < x->tok.len && x_is_lower(x, after + 1) &&
                   (x_is_aux(x, after + 1) || (x_pos(x, after + 1) & RN_WP_VERB));
    if (!relative && !x_doc_acts(x, after))
        return 0;
    /* "signs law banning American adoptions": named in full, the mention
       ends at its noun */
    uint32_t e = x_doc_entity(x, i, x_doc_extend(x, head), head, 0);
    return e == XNONE ? 0 : took_mention(x, add_mention(x, i, after, e, MK_DOC, 0), last);
}

/* A quoted name before a document noun: the "Clean Network" initiative;
   or a quoted title holding one: "Joint Statement: Safe and Open
   Networks". The quote opens at i. A reading of the cascade
   (see took_mention). */
static int quoted_document(struct rn_extractor *x, size_t i, size_t *last)
{
    size_t n = x->tok.len;
    if (!(x->tok.items[i].flags & RN_TOK_QUOTE) || !(x_is_cap(x, i + 1) || x_is_cap_num(x, i + 1)))
        return RN_OK;
    size_t k = i + 1, dh = XNONE;
    while (k < n && k - i < 16 &&
           (x_is_cap(x, k) || x_is_cap_num(x, k) ||
            (x_is_word(x, k) && (x_is_prep(x, k) || x_is(x, k, "and") || x_is(x, k, "the") ||
                                 (x_flags(x, k) & RN_TOK_HYPHEN))) ||
            (x_is_punct(x, k, ':') && x_is_cap(x, k + 1)))) {
        if (x_is_cap(x, k) && x_cue(x, k, RN_CUE_DOCHEAD))
            dh = k;
        k++;
    }
    int after = k < n && (x_flags(x, k) & RN_TOK_QUOTE) && x_cue(x, k + 1, RN_CUE_DOCHEAD);
    if (!(k < n && (x_flags(x, k) & RN_TOK_QUOTE) && (after || (dh != XNONE && x_is_cap(x, k - 1)))))
        return RN_OK;
    if (x_span_text(x, i + 1, k, &x->tmp) != RN_OK)
        return RN_ENOMEM;
    uint32_t e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_DOCUMENT, XNONE);
    if (e == XNONE)
        return RN_ENOMEM;
    x_doc_set_head(x, e, after ? k + 1 : dh);
    return took_mention(x, add_mention(x, i, after ? k + 2 : k + 1, e, MK_DOC, 0), last);
}

/* A name right before a verb is a subject: pronouns prefer it later. */
static void mark_subjects(struct rn_extractor *x)
{
    size_t n = x->tok.len;
    for (size_t k = 0; k < x->nm; k++) {
        const struct mention *m = &x->m[k];
        if (m->kind != MK_ACTOR || m->ent == XNONE)
            continue;
        size_t b = m->b;
        const struct rn_trigger *tr[2];
        uint32_t nt[2];
        /* "Zhao, the ministry's spokesperson, said": past an apposition */
        if (x_is_punct(x, b, ',') && !m->pronoun) {
            size_t q = b + 1;
            while (q < n && q - b < 10 && !x_is_punct(x, q, ',') && !x_is_punct(x, q, '.') &&
                   !x_is_aux(x, q) && !x_cue(x, q, RN_CUE_SPEECH))
                q++;
            if (x_is_punct(x, q, ',') && q > b + 1 && x_is_det(x, b + 1))
                b = q + 1;
        }
        /* "India on Monday banned", "Peru last week said": past a time */
        if (x_is(x, b, "on") && x_is_time_word(x, b + 1))
            b++;
        for (size_t q = 0; q < 3 && x_is_time_word(x, b); q++)
            b++;
        if (x_is_aux(x, b) || x_cue(x, b, RN_CUE_SPEECH) ||
            (b < n && rn_lexicon_triggers(x->lex, x->wc, &x->tok, b, n, tr, nt, 2)))
            x->ents[m->ent].subj_sent = x->sent_no;
    }
}

/* "Foreign Minister Wang Yi", "President Lula" */
static int read_titled_person(struct rn_extractor *x, size_t i, size_t *last)
{
    size_t name = title_run(x, i);
    if (!name || !(x_cue(x, i, RN_CUE_TITLE) || x_is_cap(x, i)))
        return 0;
    return took_mention(x, title_person(x, i, name, XNONE), last);
}

/* "Mr. Berg", "Dr Ana Mwangi" */
static int read_honorific(struct rn_extractor *x, size_t i, size_t *last)
{
    if (!x_cue(x, i, RN_CUE_HONORIFIC) || !x_is_cap(x, i))
        return 0;
    size_t k = i + 1 + x_is_punct(x, i + 1, '.');
    if (name_run(x, k, 3) <= k)
        return 0;
    return took_mention(x, title_person(x, i, k, XNONE), last);
}

static int read_reciprocal(struct rn_extractor *x, size_t i, size_t *last)
{
    int rc = RN_OK;
    if (!reciprocal(x, i, &rc))
        return 0;
    return took_mention(x, rc, last);
}

/* "its own data security initiative": the document, not the owner (read
   before the pronoun) */
static int read_owned_description(struct rn_extractor *x, size_t i, size_t *last)
{
    if (!(x_poss_of(x, i) & (RN_WORD_IT | RN_WORD_THEY)))
        return 0;
    int done;
    int rc = description(x, i, &done);
    return took_if_done(x, rc, done, last);
}

/* A pronoun: the latest list for a plural one, else the latest fitting
   entity; it applies even when nothing fits (a pronoun is never a name). */
static int read_pronoun(struct rn_extractor *x, size_t i, size_t *last)
{
    int want, rc = RN_OK;
    (void)last;
    if (!x_is_pronoun(x, i, &want))
        return 0;
    uint32_t e = x_antecedent(x, want, i);
    if (want == XWANT_PLURAL && list_mention(x, i, i + 1, want, e, 0, &rc)) {
        if (rc == RN_OK)
            x->m[x->nm - 1].pronoun = 1;
        return rc != RN_OK ? rc : 1;
    }
    if (e == XNONE && want == XWANT_PLURAL)
        e = x_antecedent(x, XWANT_NONPERSON, i);
    if (e != XNONE) {
        rc = add_mention(x, i, i + 1, e, MK_ACTOR, 1);
        if (rc == RN_OK)
            x->m[x->nm - 1].pronoun = 1;
    }
    return rc != RN_OK ? rc : 1;
}

static int read_description(struct rn_extractor *x, size_t i, size_t *last)
{
    int done;
    int rc = description(x, i, &done);
    return took_if_done(x, rc, done, last);
}

/* A short form the article gave earlier ("Berg", "the NSC"), standing
   alone. */
static int read_short_form(struct rn_extractor *x, size_t i, size_t *last)
{
    (void)last;
    if (!x_is_cap(x, i))
        return 0;
    uint32_t s = x_short_find(x, x_norm(x, i), x->tok.items[i].norm_len);
    if (s == XNONE || x_is_cap(x, i + 1))
        return 0;
    int rc = add_mention(x, i, i + 1, s, MK_ACTOR, 1);
    return rc != RN_OK ? rc : 1;
}

/* The cascade, in order: at each token the first reading that applies.
   A list of names rather than an array of function pointers: expanded
   into direct calls, which the compiler inlines (through pointers, the
   calls at every token cost 5% more instructions in all). */
#define MENTION_READINGS(READ)                                                                   \
    READ(known_name)             /* 1. a lexicon name and the forms on a state's */              \
    READ(of_state_forms)         /* 2. "Government of India" */                                  \
    READ(read_titled_person)     /* 3. a title or honorific before a name */                     \
    READ(read_honorific)                                                                         \
    READ(read_reciprocal)        /*    "each other": the last list */                            \
    READ(read_owned_description) /* 4. descriptions and pronouns */                              \
    READ(read_pronoun)                                                                           \
    READ(read_description)                                                                       \
    READ(read_short_form)        /* 5. a surname or acronym seen earlier */                      \
    READ(counted_set)            /* 7. "61 countries" */                                         \
    READ(bare_document)          /*    "introduced legislation that would ban" */                \
    READ(quoted_document)        /* 6. the "Clean Network" initiative */                         \
    READ(unknown_run)            /* 8. any other capitalised run */

/* The first reading that applies at token i (as a reading returns it). */
static int mention_at(struct rn_extractor *x, size_t i, size_t *last)
{
    int got;
#define TRY_READING(reading)                                                                     \
    if ((got = reading(x, i, last)) != 0)                                                        \
        return got;
    MENTION_READINGS(TRY_READING)
#undef TRY_READING
    return 0;
}

/* Can any reading of the cascade apply at token i? Each reading's first
   test, joined: a lexicon name's first word (known_name), a government,
   body, title, title modifier, honorific or reciprocal cue (of_state_forms,
   read_titled_person, read_honorific, read_reciprocal), a capitalised word
   (titles, short forms, unknown runs), a determiner, possessive or pronoun
   (descriptions, read_pronoun), a number or "one" (counted_set), a quote
   (quoted_document), a document noun at i or the two words after
   (bare_document). Most lowercase words and punctuation fail all, and skip
   the cascade; a reading whose first test changes must change this too. */
static int may_open(const struct rn_extractor *x, size_t i)
{
    const uint64_t cues = UINT64_C(1) << RN_CUE_GOV | UINT64_C(1) << RN_CUE_INST |
                          UINT64_C(1) << RN_CUE_TITLE | UINT64_C(1) << RN_CUE_TITLEMOD |
                          UINT64_C(1) << RN_CUE_HONORIFIC | UINT64_C(1) << RN_CUE_RECIP |
                          UINT64_C(1) << RN_CUE_DOCHEAD;
    const uint32_t cls = RN_WORD_DET | RN_WORD_HE | RN_WORD_IT | RN_WORD_THEY | RN_WORD_NUM;
    uint32_t f = x->tok.items[i].flags;
    if ((f & (RN_TOK_QUOTE | RN_TOK_NUM | RN_TOK_POSS)) || x_is_cap(x, i) ||
        (x->tok_cls[i] & cls) || (x->tok_cue[i] & cues) || x_cue(x, i + 1, RN_CUE_DOCHEAD) ||
        x_cue(x, i + 2, RN_CUE_DOCHEAD) || (x_poss_of(x, i) & (RN_WORD_IT | RN_WORD_THEY)))
        return 1;
    return x_is(x, i, "one") || rn_lexicon_may_match(x->wc, &x->tok, i, x->allcaps);
}

/* Not inlined into the article driver: there the driver outgrows the
   compiler's growth limit and the cascade's readings are no longer inlined
   into their loop (1.4% more instructions in all, callgrind). */
__attribute__((noinline)) int x_mentions(struct rn_extractor *x)
{
    size_t n = x->tok.len;
    x->nm = 0;
    x->main_subject = XNONE;
    if (rn_array_reserve((void **)&x->tok_m, &x->tok_m_cap, n, sizeof *x->tok_m, 32) != RN_OK)
        return RN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        x->tok_m[i] = XNONE;
    int rc = RN_OK;
    for (size_t i = 0; i < n && rc == RN_OK; i++) {
        if (x->tok_m[i] != XNONE || !may_open(x, i))
            continue;
        size_t last = i;
        int got = mention_at(x, i, &last);
        if (got < 0)
            rc = got;
        i = last;
    }
    mark_subjects(x);
    if (rc == RN_OK) {
        unnamed_officials(x);
        remember_lists(x);
    }
    return rc;
}
