/* relation.c - relation triggers and their arguments (see relation.h).
 *
 * For each trigger the lexicon finds, the part of speech is read from the
 * context (after a determiner, a possessive or a name it is a noun), then
 * the frame says where the arguments are:
 *   verb, active    source = the subject left of the verb group (skipping
 *                   auxiliaries, negations, "plans to", appositions), target
 *                   = the object after it ("blame X on Y": Y; "bar its
 *                   companies from buying Y": Y; "attribute X to Y": Y);
 *   verb, passive   target = the subject, source = the "by" agent, or the
 *                   place for "banned in India" (frame loc);
 *   noun            "X's ban on Y", "a ban on Y by X", "UK ban on Y", "the
 *                   TikTok ban in Italy", "X imposed a ban on Y", "X's
 *                   accusations against Y", "the X-proposed initiative",
 *                   "among the signatories are A, B", "Y was behind it, X
 *                   said".
 * Lists on either side give one record per member; counted sets ("61
 * countries") wait for their members ("They include ...", "... were not
 * among them"). Polarity comes from the verb group: negations, modals,
 * control verbs ("declined to": negated; "plans to": hedged), object
 * control ("ordered X to block": hedged), and for nouns the governing verb
 * ("stayed the ban": hedged; "lifted the ban": no relation).
 */
#include "relation.h"
#include "relnet/pos.h"

#include "documents.h"
#include "entities.h"
#include "explain.h"
#include "records.h"
#include "words.h"

#include <ctype.h>
#include <string.h>

#define SIDE_MAX 64

struct side {
    uint32_t ents[SIDE_MAX];
    size_t n;
    int quant;          /* a counted set without named members */
    int resolved;       /* some member came from a pronoun or description */
    size_t desc_a, desc_b; /* a descriptive noun phrase, when no name */
    int definite;       /* the descriptive phrase starts with "the" */
    int the_name;       /* the first member is a name after "the" */
    int doc_appos;      /* "X, an initiative to ...": the first member is a document */
    int indef_name;     /* "a separate American AI Institute": a new body's name */
    int counted;        /* the members of a counted set ("59 apps, including A") */
    int dealt;          /* reached through a noun of dealing ("imports of Chilean salmon") */
    int it;             /* the first member is the pronoun "it" */
    size_t first_prep;  /* the preposition before the first member, or XNONE */
    size_t end;         /* first token after the phrase */
    size_t state_led_a, state_led_b; /* "U.S. deportation flights": a lone state
                           naming the things after it, the phrase (b 0: none) */
};

static void side_init(struct side *s)
{
    memset(s, 0, sizeof *s);
    s->first_prep = XNONE;
}

/* One case of a construction, tried in order with the others of its table
   until one applies (returns nonzero); the name says which case decided,
   for a trace. The state is the reading the table belongs to (a struct
   np_walk, a struct verb_read, ...). A case with frames is tried only for
   a trigger whose frame has one of them. */
struct rel_case {
    const char *name; /* the handler's own name, for a trace */
    int (*applies)(void *state);
    unsigned frames; /* RN_FRAME_* bits, or 0: any trigger */
};

/* A table row: a handler named by itself, for the triggers of frames. */
#define CASE(handler, frames) { #handler, handler, frames }

/* Try cases[0..n) in order on state (frame: the trigger's, or 0): what
   the first that applies returned (its name in *fired), or 0 when none
   does. */
static int run_cases(const struct rel_case *cases, size_t n, void *state, unsigned frame,
                     const char **fired)
{
    for (size_t i = 0; i < n; i++) {
        if (cases[i].frames && !(frame & cases[i].frames))
            continue;
        int r = cases[i].applies(state);
        if (r) {
            *fired = cases[i].name;
            return r;
        }
    }
    return 0;
}

#define NCASES(table) (sizeof(table) / sizeof *(table))

static void side_add(struct side *s, uint32_t e)
{
    if (e == XNONE)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->ents[i] == e)
            return;
    if (s->n < SIDE_MAX)
        s->ents[s->n++] = e;
}

/* A mention's entities: all members of a list it means ("they", "the
   countries"), else its entity. */
static void side_add_mention(struct side *s, const struct mention *m)
{
    if (!m->list) {
        side_add(s, m->ent);
        return;
    }
    for (size_t i = 0; i < m->list->n; i++)
        side_add(s, m->list->members[i]);
}

/* "include(s)", "named", "covers": the verb of a list of members (cues
   class listverb), not the preposition "including". */
static int list_verb(const struct rn_extractor *x, size_t i)
{
    return x_cue(x, i, RN_CUE_LISTVERB) && !x_ends_with(x, i, "ing");
}

static uint32_t mention_at(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len ? x->tok_m[i] : XNONE;
}

static int is_quote(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len && (x->tok.items[i].flags & RN_TOK_QUOTE);
}

/* A time phrase starting at i: "Monday", "on Friday", "last week", "March
   3", "in 2021", "this month". Returns the token after it, or i. */
static size_t skip_time_right(struct rn_extractor *x, size_t i)
{
    size_t k = i;
    int lead = x_is(x, k, "on") || x_is(x, k, "in") || x_is(x, k, "this");
    k += lead;
    size_t first = k;
    while (k < x->tok.len &&
           (x_cue(x, k, RN_CUE_TIME) ||
            (x_cue(x, k, RN_CUE_NOTNAME) && (x->tok.items[k].flags & RN_TOK_CAP)) ||
            ((x->tok.items[k].flags & RN_TOK_NUM) && (k > first || x_is(x, i, "in")))))
        k++;
    return k > first ? k : i;
}

/* Skip adverbs, time phrases and quote marks going right ("announced on
   Monday a ban on X"). */
static size_t skip_right(struct rn_extractor *x, size_t i)
{
    for (;;) {
        while (i < x->tok.len && (x_is_adverb(x, i) || is_quote(x, i)))
            i++;
        size_t t = skip_time_right(x, i);
        if (t == i)
            return i;
        i = t;
    }
}

/* "the Kwibble app from ...": past a lowercase head noun or two after a
   name at e. */
static size_t after_head_noun(struct rn_extractor *x, size_t e)
{
    size_t f = e;
    while (f < x->tok.len && f - e < 2 && x_is_lower(x, f) && mention_at(x, f) == XNONE &&
           !x_is_prep(x, f) && !x_is_conj(x, f) && !x_is_aux(x, f) && !x_is_wh(x, f) && !x_is_det(x, f))
        f++;
    return f;
}

static int span_has_cue(struct rn_extractor *x, size_t a, size_t b, enum rn_cue c)
{
    for (size_t q = a; q < b; q++)
        if (x_cue(x, q, c))
            return 1;
    return 0;
}

/* ---- noun phrases ------------------------------------------------------------ */

static int np_boundary(struct rn_extractor *x, size_t i, size_t first)
{
    if (i >= x->tok.len || !x_is_word(x, i))
        return 1;
    if (x_is_prep(x, i) || x_is_conj(x, i) || x_is_wh(x, i) || x_is_aux(x, i))
        return 1;
    if ((x_cue(x, i, RN_CUE_SPEECH) || x_cue(x, i, RN_CUE_INCLUDE)) && i > first)
        return 1; /* "messaging apps such as A": the list opener ends the phrase */
    if (i > first && !(x->tok.items[i].flags & RN_TOK_HYPHEN) &&
        (x_ends_with(x, i, "ing") || x_ends_with(x, i, "ed")))
        return 1;
    /* a word English uses only as a verb or adverb ("not", "soon",
       "says") cannot go on a noun phrase */
    int pos = x_pos(x, i);
    if (i > first && pos && !(pos & (RN_WP_NOUN | RN_WP_ADJ)) &&
        !(x->tok.items[i].flags & (RN_TOK_CAP | RN_TOK_HYPHEN))) /* (but "ride-hailing") */
        return 1;
    return 0;
}


/* A list joiner at j (cues class joiner: "and", "or", "along with", "as
   well as", or "&"). Returns its length in tokens or 0. */
static size_t joiner(struct rn_extractor *x, size_t j)
{
    if (x_is_punct(x, j, '&'))
        return 1;
    struct rn_cue_match cm;
    return x_is_word(x, j) ? (size_t)x_cue_len(x, j, RN_CUE_JOINER, &cm) : 0;
}

/* "the five partners: A, B and C", "other members - A and B": a counted or
   plural head at j whose members follow a colon or dash. Returns the first
   member's token, or 0. */
static size_t members_after_head(struct rn_extractor *x, size_t j)
{
    size_t k = j;
    uint32_t mi = mention_at(x, k);
    if (mi != XNONE && x->m[mi].kind == MK_QUANT) {
        k = x->m[mi].b;
    } else {
        while (k < x->tok.len && k - j < 4 && x_is_word(x, k) && mention_at(x, k) == XNONE &&
               !(x->tok.items[k].flags & RN_TOK_CAP) && !x_is_prep(x, k) && !x_is_conj(x, k) &&
               !x_is_aux(x, k))
            k++;
        if (k == j || !x_ends_with(x, k - 1, "s"))
            return 0;
    }
    if (!(x_is_punct(x, k, ':') || (k < x->tok.len && (x->tok.items[k].flags & RN_TOK_DASH))))
        return 0;
    k++;
    if (x_is(x, k, "the"))
        k++;
    mi = mention_at(x, k);
    return mi != XNONE && x->m[mi].kind == MK_ACTOR ? k : 0;
}

/* The head noun and number of the counted set mention mi. */
static void set_key(struct rn_extractor *x, uint32_t mi, uint32_t *head, uint32_t *num)
{
    const struct mention *m = &x->m[mi];
    size_t h = m->b - 1;
    *head = x_str(x, rn_token_norm(&x->tok, h), x->tok.items[h].norm_len);
    *num = (x->tok.items[m->a].flags & RN_TOK_NUM)
               ? x_str(x, rn_token_norm(&x->tok, m->a), x->tok.items[m->a].norm_len)
               : XNONE;
}

static void remember_set(struct rn_extractor *x, uint32_t mi, const struct side *s)
{
    struct xset *st = &x->sets[x->nsets < XSETS ? x->nsets++ : XSETS - 1];
    set_key(x, mi, &st->head, &st->num);
    st->n = 0;
    for (size_t i = 0; i < s->n && st->n < XSET_MEMBERS; i++)
        st->members[st->n++] = s->ents[i];
}

/* "the 59 apps" after "59 Chinese apps, including A and B": A and B. */
static int recall_set(struct rn_extractor *x, uint32_t mi, struct side *s)
{
    uint32_t head, num;
    set_key(x, mi, &head, &num);
    for (size_t k = x->nsets; k-- > 0;) {
        const struct xset *st = &x->sets[k];
        if (st->head != head || (num != XNONE && st->num != XNONE && num != st->num))
            continue;
        for (size_t i = 0; i < st->n; i++)
            side_add(s, st->members[i]);
        s->resolved = 1;
        return 1;
    }
    return 0;
}

/* "Google search, Facebook and Twitter": one or two lowercase nouns after
   a member's name m (ending at i) belong to the member when the list goes
   on after them (a comma and a name, or in a list an "including" opened, a
   joiner and a name). Returns where the member ends. */
static size_t member_tail(struct rn_extractor *x, const struct mention *m, size_t i, int include)
{
    if (m->kind != MK_ACTOR || m->pronoun)
        return i;
    size_t q = i;
    while (q < x->tok.len && q - i < 2 && x_is_lower(x, q) && mention_at(x, q) == XNONE &&
           !x_is_prep(x, q) && !x_is_conj(x, q) && !x_is_aux(x, q) && !x_is_wh(x, q) && !x_is_det(x, q) &&
           !x_is_time_word(x, q) && (!x_pos(x, q) || (x_pos(x, q) & RN_WP_NOUN)))
        q++;
    if (q == i)
        return i;
    size_t r = q;
    if (x_is_punct(x, r, ','))
        r++;
    else if (!include)
        return i;
    r += joiner(x, r);
    if (x_is_det(x, r) && mention_at(x, r) == XNONE)
        r++;
    uint32_t rm = r > q ? mention_at(x, r) : XNONE;
    return rm != XNONE && x->m[rm].kind == MK_ACTOR ? q : i;
}

/* A headline: Title Case, capitals, or no closing stop. */
static int headline(const struct rn_extractor *x)
{
    size_t n = x->tok.len;
    return x->titlecase || x->allcaps ||
           (n && !x_is_punct(x, n - 1, '.') && !x_is_punct(x, n - 1, '!') && !x_is_punct(x, n - 1, '?') &&
            !is_quote(x, n - 1));
}

/* After a comma, is this a list member ("A, B and C"; "X, the US in
   particular,") rather than an aside ("Wiener, D-San Francisco,")? */
static int list_goes_on(struct rn_extractor *x, size_t k, size_t members)
{
    while (k < x->tok.len) {
        uint32_t mi = mention_at(x, k);
        if (mi == XNONE)
            return 0;
        k = member_tail(x, &x->m[mi], x->m[mi].b, 1);
        members++;
        struct rn_cue_match cm;
        if (x_is_coord(x, k) || x_cue_len(x, k, RN_CUE_INCLUDE, &cm))
            return 1;
        /* "A, B, C." : three or more names and nothing else up to the
           sentence's end is a list without a conjunction */
        if (members >= 3 && (k >= x->tok.len || x_is_punct(x, k, '.') || x_is_punct(x, k, ';')))
            return 1;
        /* "accuses Kelpex, Zentara of dumping", "banned in Chile, Peru": a
           headline's comma joins */
        if (members >= 2 && (x_is_prep(x, k) || k >= x->tok.len) && headline(x))
            return 1;
        if (!x_is_punct(x, k, ','))
            return 0;
        k++;
        if (x_is_coord(x, k))
            return 1;
        if (x_is(x, k, "the"))
            k++;
    }
    return 0;
}

/* "banned U.S. deportation flights", "U.S. beef": a state's name (no
   possessive) before lowercase nouns that end the phrase names things of
   the state, not the state. Returns the phrase's end, or 0. */
static size_t state_led(struct rn_extractor *x, const struct mention *m)
{
    if (m->kind != MK_ACTOR || m->pronoun || x->ents[m->ent].type != RN_ETYPE_COUNTRY ||
        (x_flags(x, m->b) & RN_TOK_POSS) || (m->a > 0 && x_is_det(x, m->a - 1)))
        return 0;
    size_t q = m->b;
    while (q < x->tok.len && q - m->b < 3 && x_is_lower(x, q) && mention_at(x, q) == XNONE &&
           !np_boundary(x, q, m->b - 1) && x_pos(x, q) & RN_WP_NOUN)
        q++;
    if (q == m->b || !x_ends_with(x, q - 1, "s"))
        return 0;
    return q;
}

/* A noun phrase or list being read rightwards (collect_right): each round
   reads one member, then what joins the next; each step says what it
   decided (WALK_*). */
struct np_walk {
    struct rn_extractor *x;
    struct side *s;
    size_t i, n;        /* the next token; the sentence's length */
    size_t j;           /* after a member: the joiner's token (past a comma, dash, colon) */
    int include;        /* after "including": the members of a head follow */
    int head_is_set;    /* the phrase has a head (a counted set, a description) */
    int added;          /* the last mention joined the side (not a repeat) */
    const char *fired;  /* the case that decided last, for a trace */
};

/* What a step of the walk decided. */
enum {
    WALK_ON = 0, /* the case does not apply */
    WALK_NEXT,   /* the next member starts at the walk's token */
    WALK_STOP,   /* the phrase ends */
    WALK_JOINS,  /* a member (or head) is read: on to what joins the next */
};

/* "InvestAI, an initiative to ...": a name followed by an apposition whose
   head is a document's */
static int named_by_apposition(struct rn_extractor *x, size_t q)
{
    if (!x_is_punct(x, q, ',') || !x_in_class(x, q + 1, RN_WORD_INDEF))
        return 0;
    for (size_t h = q + 2; h < x->tok.len && h - q < 6 && x_is_word(x, h) && !x_is_prep(x, h); h++)
        if (x_cue(x, h, RN_CUE_DOCHEAD))
            return 1;
    return 0;
}

/* "announced a separate AI Safety Institute": an indefinite article a few
   lowercase words before the name at i, a new body */
static int new_body(struct rn_extractor *x, size_t i)
{
    size_t p = i;
    while (p > 0 && p + 3 > i && x_is_word(x, p - 1) && mention_at(x, p - 1) == XNONE &&
           !(x->tok.items[p - 1].flags & RN_TOK_CAP) && !x_is_det(x, p - 1) && !x_is_prep(x, p - 1))
        p--;
    return p > 0 && x_in_class(x, p - 1, RN_WORD_INDEF);
}

/* What the phrase's first name says of it: after "the", a document by
   apposition, a new body. */
static void first_name_flags(struct np_walk *w, uint32_t mi)
{
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    if (mi == XNONE || s->n != 0)
        return;
    if (w->i > 0 && x_is(x, w->i - 1, "the"))
        s->the_name = 1;
    if (x->m[mi].kind != MK_ACTOR)
        return;
    if (named_by_apposition(x, x->m[mi].b))
        s->doc_appos = 1;
    if (new_body(x, w->i))
        s->indef_name = 1;
}

/* A named member joins the side; "California's AI safety bill SB 1047":
   the name that follows a described document is its name. Returns the
   mention that names the member. */
static const struct mention *add_member(struct np_walk *w, const struct mention *m)
{
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    /* "blocked the Kelpex takeover": a name before an effort thwarted
       (cues class effort) is no member */
    if (m->kind == MK_ACTOR && x_is_lower(x, m->b) && x_cue(x, m->b, RN_CUE_EFFORT))
        return m;
    if (s->n == 0 && m->pronoun && x_is(x, m->a, "it"))
        s->it = 1;
    if (s->n == 0 && m->a > 0 && x_is_prep(x, m->a - 1))
        s->first_prep = m->a - 1;
    side_add_mention(s, m);
    s->resolved |= m->resolved;
    uint32_t nm = mention_at(x, m->b);
    if (m->kind == MK_DOC && nm != XNONE && x->m[nm].kind == MK_DOC &&
        (x->tok.items[m->b].flags & RN_TOK_CAP) && s->n > 0) {
        s->ents[s->n - 1] = x->m[nm].ent;
        m = &x->m[nm];
    }
    return m;
}

/* "Huawei and ZTE's 5G technology": the owners count; but "Russia's GRU":
   the name owned is meant */
static int state_owns_name(struct np_walk *w, const struct mention *m)
{
    struct rn_extractor *x = w->x;
    size_t i = w->i;
    if (!(i < w->n && (x->tok.items[i].flags & RN_TOK_POSS) && mention_at(x, i + 1) != XNONE &&
          x->m[mention_at(x, i + 1)].kind == MK_ACTOR && m->kind == MK_ACTOR &&
          x->ents[m->ent].type == RN_ETYPE_COUNTRY && w->s->n == 1))
        return 0;
    w->s->n = 0;
    w->i++;
    return 1;
}

static const struct rn_trigger *noun_trigger_at(struct rn_extractor *x, size_t i, int one_word);

static unsigned frame_prep(struct rn_extractor *x, unsigned frame, size_t k);

/* "the government's ban on Y", "Chile's accusations against Y": the noun at
   h is a trigger noun with its own frame's preposition at p (which tells
   it from a word of the same stem: "Kaspersky's suite of applications") */
static int owned_act(struct rn_extractor *x, size_t h, size_t p)
{
    const struct rn_trigger *tr = noun_trigger_at(x, h, 1);
    return tr && frame_prep(x, tr->frame, p);
}

/* After an owner ("X's", "its"): the words owned; "its long-awaited AI
   Act": the document owned is meant */
static int owned_document(struct np_walk *w, int poss_pron)
{
    struct rn_extractor *x = w->x;
    if (!poss_pron)
        w->i++;
    size_t owned = w->i;
    while (w->i < w->n && x_is_word(x, w->i) && mention_at(x, w->i) == XNONE &&
           !np_boundary(x, w->i, w->i))
        w->i++;
    uint32_t om = mention_at(x, w->i);
    if (om != XNONE && x->m[om].kind == MK_DOC && w->s->n > 0) {
        w->s->n--;
        return WALK_NEXT;
    }
    /* "its rival Zentara", "Norvania's ally Tessaly": the owner describes
       the name that follows its common nouns */
    if (om != XNONE && x->m[om].kind == MK_ACTOR && x->m[om].a == w->i && w->i > owned &&
        w->i - owned <= 3 && x_is_cap(x, w->i) && x_is_lower(x, w->i - 1)) {
        if (w->added) /* "Otto and its parent Uber": both */
            w->s->n--;
        return WALK_NEXT;
    }
    /* "blocked Kelpex's takeover of Zentara": an owner's effort thwarted
       (cues class effort) is no ban on the owner; nor is "suspended the
       government's ban on Y" one on the government: the owner's own act
       (a trigger noun) is what the verb acts on */
    if (w->i > owned && w->s->n > 0 &&
        (x_cue(x, w->i - 1, RN_CUE_EFFORT) || owned_act(x, w->i - 1, w->i)))
        w->s->n--;
    return WALK_JOINS;
}

/* After a counted set or a nationality: the words of its phrase */
static int set_phrase(struct np_walk *w, const struct mention *m)
{
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    while (w->i < w->n && x_is_word(x, w->i) && mention_at(x, w->i) == XNONE &&
           !np_boundary(x, w->i, 0))
        w->i++;
    size_t i = w->i;
    /* "the Qatari news outlet Kappa Daily": the name described */
    uint32_t nm2 = mention_at(x, i);
    if (m->kind == MK_MOD && s->n == 0 && i > m->b && i - m->b <= 3 && nm2 != XNONE &&
        x->m[nm2].kind == MK_ACTOR && x->m[nm2].a == i && x_is_cap(x, i))
        return WALK_NEXT;
    /* "banned Brazilian poultry": with no members listed, the phrase a
       nationality opens is a descriptive target */
    if (m->kind == MK_MOD && s->n == 0 && !w->include && s->desc_b <= s->desc_a && i > m->b) {
        s->desc_a = m->a;
        s->desc_b = i;
        s->definite = m->a > 0 && x_in_class(x, m->a - 1, RN_WORD_DEF);
    }
    return WALK_JOINS;
}

/* "a plan called the Lima Pact", "a startup named Zentara", "a group
   (that) Microsoft tracks as Storm-2210": after a description ending before
   j, the name a naming word (cues class naming) gives it, perhaps in a
   relative clause with a subject of its own; its first token, or SIZE_MAX */
static size_t name_given_at(struct rn_extractor *x, size_t j)
{
    struct rn_cue_match cm;
    size_t k = x_is_wh(x, j) ? j + 1 : j;
    uint32_t sm = mention_at(x, k);
    j = sm != XNONE && x->m[sm].a == k && x->m[sm].kind == MK_ACTOR ? x->m[sm].b : j;
    int len = x_is_word(x, j) ? x_cue_len(x, j, RN_CUE_NAMING, &cm) : 0;
    if (!len)
        return SIZE_MAX;
    size_t q = j + (size_t)len;
    if (x_is_det(x, q) && mention_at(x, q) == XNONE)
        q++;
    uint32_t mi = mention_at(x, q);
    if (mi == XNONE || x->m[mi].a != q || !x_is_cap(x, q) ||
        (x->m[mi].kind != MK_ACTOR && x->m[mi].kind != MK_DOC))
        return SIZE_MAX;
    return q;
}

/* Is m a modifier that is a state's demonym alone ("Chilean", "South
   Korean"; not "Chile-based")? */
static int plain_demonym(const struct rn_extractor *x, const struct mention *m)
{
    if (m->kind != MK_MOD || m->state == XNONE || !x_is_cap(x, m->a))
        return 0;
    for (size_t q = m->a; q < m->b; q++)
        if (x->tok.items[q].flags & RN_TOK_HYPHEN)
            return 0;
    return 1;
}

/* Does the demonym modifier m open a coordination of demonyms that ends in
   a state's mention ("Chilean, Peruvian and Bolivian officials")? */
static int demonyms_end_in_state(struct rn_extractor *x, const struct mention *m)
{
    for (int hops = 0; hops < 8; hops++) {
        if (!plain_demonym(x, m) || !(x_is_coord(x, m->b) || x_is_punct(x, m->b, ',')))
            return 0;
        uint32_t nx = mention_at(x, m->b + 1);
        if (nx == XNONE || x->m[nx].a != m->b + 1)
            return 0;
        const struct mention *n = &x->m[nx];
        if (n->kind == MK_ACTOR)
            return x->ents[n->ent].type == RN_ETYPE_COUNTRY && !n->resolved;
        if (n->kind != MK_MOD)
            return 0;
        m = n;
    }
    return 0;
}

/* The mention at the walk's token: a counted head, a nationality, or a
   member; then its tail and what it owns. */
static int mention_member(struct np_walk *w, uint32_t mi)
{
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    const struct mention *m = &x->m[mi];
    w->added = 0;
    size_t named = x_is_cap(x, m->b - 1) ? SIZE_MAX : name_given_at(x, m->b);
    if (named != SIZE_MAX) { /* "a plan called the Lima Pact" */
        w->i = named;
        return WALK_NEXT;
    }
    if (m->kind == MK_QUANT) {
        if (s->n == 0) {
            w->head_is_set = 1;
            s->desc_a = m->a;
            s->desc_b = m->b;
        }
    } else if (m->kind == MK_MOD) {
        /* "Chile-based Tollan Systems": the name it describes */
        uint32_t nx = mention_at(x, m->b);
        if (nx != XNONE && x->m[nx].kind == MK_ACTOR) {
            w->i = m->b;
            return WALK_NEXT;
        }
        /* "by Chilean and Peruvian officials": a demonym coordinated with
           the one that makes the phrase a state names a state too */
        if (demonyms_end_in_state(x, m)) {
            side_add(s, m->state);
            w->i = m->b + 1;
            return WALK_NEXT;
        }
        if (s->n == 0 && !w->include)
            w->head_is_set = 1; /* "Chinese apps, including ..." */
    } else {
        size_t before = s->n;
        m = add_member(w, m);
        w->added = s->n > before;
    }
    w->i = member_tail(x, m, m->b, w->include || s->n > 1);
    if (s->n == 1 && !w->include && w->i == m->b) {
        s->state_led_a = m->a;
        s->state_led_b = state_led(x, m);
    }
    if (state_owns_name(w, m))
        return WALK_NEXT;
    int poss_pron = m->pronoun && x_poss_of(x, m->a) != 0;
    if (w->i < w->n && ((x->tok.items[w->i].flags & RN_TOK_POSS) || poss_pron))
        return owned_document(w, poss_pron);
    if (m->kind == MK_QUANT || m->kind == MK_MOD)
        return set_phrase(w, m);
    return WALK_JOINS;
}

/* Cases for a token no mention starts, tried in order. */

/* A descriptive head: "the ban", "the June 4 vigil" */
static int descriptive_head(void *state)
{
    struct np_walk *w = state;
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    if (s->n != 0 || w->head_is_set || w->include)
        return WALK_ON;
    size_t a = w->i;
    /* an unresolved pronoun ("banned it") describes nothing */
    if (x_in_class(x, a, RN_WORD_HE | RN_WORD_IT | RN_WORD_THEY | RN_WORD_WE) && !x_is_det(x, a))
        return WALK_STOP;
    /* "announced the ban on Monday": a day or month is no target; but
       after a determiner it dates the noun: "the June 4 vigil" */
    if (x_cue(x, a, RN_CUE_NOTNAME) && (x->tok.items[a].flags & RN_TOK_CAP) &&
        !(x->tok.items[a].flags & RN_TOK_UPPER) && !(a > 0 && x_is_det(x, a - 1)))
        return WALK_STOP;
    while (w->i < w->n && w->i - a < 6 && !np_boundary(x, w->i, a) && mention_at(x, w->i) == XNONE &&
           !(w->i > a && x_cue(x, w->i, RN_CUE_NAMING)))
        w->i++;
    size_t i = w->i;
    if (i == a)
        return WALK_STOP;
    size_t named = name_given_at(x, i);
    if (named != SIZE_MAX) { /* "a startup named Zentara" */
        w->i = named;
        return WALK_NEXT;
    }
    /* "a separate American AI Safety Institute", "the popular app TikTok":
       modifiers before a name */
    uint32_t nm = mention_at(x, i);
    if (nm != XNONE && i - a <= 3 && x->m[nm].a == i && (x->tok.items[i].flags & RN_TOK_CAP) &&
        !x_is_det(x, i) && (x->m[nm].kind == MK_ACTOR || x->m[nm].kind == MK_DOC) &&
        !(x->tok.items[i].flags & RN_TOK_POSS) && !x_is_punct(x, i - 1, ',')) {
        if (x_is(x, a - 1, "the") && a > 0)
            s->the_name = 1;
        return WALK_NEXT;
    }
    s->desc_a = a;
    s->desc_b = i;
    s->definite = a > 0 && x_in_class(x, a - 1, RN_WORD_DEF);
    w->head_is_set = 1;
    return WALK_JOINS;
}

/* "including the popular game PUBG": modifiers before the name;
   "especially messaging apps like A": the kind, then its members */
static int included_after_modifiers(void *state)
{
    struct np_walk *w = state;
    struct rn_extractor *x = w->x;
    if (!w->include || w->s->n != 0)
        return WALK_ON;
    size_t a = w->i;
    while (w->i < w->n && w->i - a < 4 && x_is_word(x, w->i) && mention_at(x, w->i) == XNONE &&
           !(x->tok.items[w->i].flags & RN_TOK_CAP) && !np_boundary(x, w->i, a))
        w->i++;
    struct rn_cue_match icm2;
    int il2 = w->i > a ? x_cue_len(x, w->i, RN_CUE_INCLUDE, &icm2) : 0;
    if (il2) {
        w->i += (size_t)il2;
        return WALK_NEXT;
    }
    uint32_t nm = mention_at(x, w->i);
    if (w->i == a || nm == XNONE || x->m[nm].kind != MK_ACTOR ||
        !(x->tok.items[w->i].flags & RN_TOK_CAP))
        return WALK_STOP;
    return WALK_NEXT;
}

static int phrase_ends(void *state)
{
    (void)state;
    return WALK_STOP;
}

static const struct rel_case unnamed_tokens[] = {
    CASE(descriptive_head, 0),
    CASE(included_after_modifiers, 0),
    CASE(phrase_ends, 0),
};

/* "six officers of Russia's GRU", "the officers, all members of the GRU":
   people are named by the body they act for */
static int members_of_body(struct np_walk *w)
{
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    if (!(w->head_is_set && s->n == 0 && !w->include && s->desc_b > s->desc_a))
        return 0;
    size_t q = w->i;
    struct rn_cue_match mc;
    int ok = x_cue_len(x, s->desc_b - 1, RN_CUE_MEMBER, &mc) == 1;
    if (ok && x_is_punct(x, q, ',')) {
        q++;
        while (x_is(x, q, "all") || x_is(x, q, "both") || x_is(x, q, "the"))
            q++;
        int ml = x_cue_len(x, q, RN_CUE_MEMBER, &mc);
        q = ml ? q + (size_t)ml : 0;
    }
    if (!(ok && q && x_is(x, q, "of")))
        return 0;
    q++;
    if (x_is(x, q, "the"))
        q++;
    uint32_t qm = mention_at(x, q);
    if (qm == XNONE || x->m[qm].kind != MK_ACTOR)
        return 0;
    w->include = 1;
    w->i = q;
    return 1;
}

/* "59 apps from China, including ...": a short phrase may sit between a
   counted head and its members */
static void phrase_before_members(struct np_walk *w)
{
    struct rn_extractor *x = w->x;
    size_t i = w->i;
    if (!(w->head_is_set && w->s->n == 0 && !w->include && x_is_prep(x, i)))
        return;
    size_t q = i + 1;
    while (q < w->n && q - i < 5 && !x_is_punct(x, q, ',') && !x_cue(x, q, RN_CUE_INCLUDE) &&
           (x_is_word(x, q)))
        q++;
    size_t q2 = x_is_punct(x, q, ',') ? q + 1 : q;
    if (x_cue(x, q2, RN_CUE_INCLUDE))
        w->i = q;
}

/* What joins the next member, cases tried in order. */

/* "including", "such as": the members of the head follow */
static int include_cue(void *state)
{
    struct np_walk *w = state;
    struct rn_cue_match cm;
    int nl = x_cue_len(w->x, w->j, RN_CUE_INCLUDE, &cm);
    if (!nl)
        return WALK_ON;
    w->include = 1;
    w->i = w->j + (size_t)nl;
    if (x_is_punct(w->x, w->i, ','))
        w->i++;
    return WALK_NEXT;
}

/* "TikTok, which belongs to ByteDance, and (with) WeChat": a relative
   clause inside the list */
static int relative_in_list(void *state)
{
    struct np_walk *w = state;
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    size_t i = w->i;
    if (!(s->n > 0 && x_is_punct(x, i, ',') && (x_is(x, i + 1, "which") || x_is(x, i + 1, "who"))))
        return WALK_ON;
    size_t q = i + 2;
    while (q < w->n && q - i < 16 && !x_is_punct(x, q, ',') && !x_is_punct(x, q, '.'))
        q++;
    if (!x_is_punct(x, q, ',') || !x_is_coord(x, q + 1))
        return WALK_ON;
    size_t r = q + 2;
    if (x_is_prep(x, r) && s->first_prep != XNONE && x_is(x, r, rn_token_norm(&x->tok, s->first_prep)))
        r++;
    if (x_is_det(x, r) && mention_at(x, r) == XNONE)
        r++;
    if (mention_at(x, r) == XNONE || x->m[mention_at(x, r)].kind != MK_ACTOR)
        return WALK_ON;
    w->i = r;
    return WALK_NEXT;
}

/* "the Tarn Union party and its youth wing, Tarn Youth Front,": a member
   described, then named in apposition */
static int described_then_named(void *state)
{
    struct np_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t j = w->j;
    if (!(w->s->n > 0 && x_is_coord(x, j)))
        return WALK_ON;
    size_t a = j + 2, q = a;
    int det = x_is_det(x, j + 1); /* the, its, their */
    while (det && q < w->n && q - a < 4 && x_is_lower(x, q) && mention_at(x, q) == XNONE &&
           !x_is_prep(x, q) && !x_is_conj(x, q) && !x_is_aux(x, q) &&
           (!x_have_pos(x) || (x_pos(x, q) & (RN_WP_NOUN | RN_WP_ADJ))))
        q++;
    uint32_t am = q > a && x_is_punct(x, q, ',') ? mention_at(x, q + 1) : XNONE;
    if (am == XNONE || x->m[am].kind != MK_ACTOR || x->m[am].a != q + 1)
        return WALK_ON;
    w->i = q + 1;
    return WALK_NEXT;
}

/* "A and the video app B": modifiers before the next name at j */
static size_t modified_name_at(struct np_walk *w, size_t j)
{
    struct rn_extractor *x = w->x;
    size_t q = j;
    while (q < w->n && q - j < 3 && x_is_word(x, q) && mention_at(x, q) == XNONE &&
           !(x->tok.items[q].flags & RN_TOK_CAP) && !np_boundary(x, q, j - 1))
        q++;
    uint32_t qm = mention_at(x, q);
    return q > j && qm != XNONE && x->m[qm].kind == MK_ACTOR && x->m[qm].a == q &&
                   (x->tok.items[q].flags & RN_TOK_CAP)
               ? q
               : 0;
}

/* "and", "or", "as well as": the next member, or the phrase ends */
static int joined_member(void *state)
{
    struct np_walk *w = state;
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    size_t j = w->j, jn = joiner(x, j);
    if (!jn)
        return WALK_ON;
    j += jn;
    /* "signed by A as well as by B", "with A and with B": the preposition
       repeats */
    if ((jn > 1 && x_is(x, j, "by")) ||
        (s->first_prep != XNONE && x_is(x, j, rn_token_norm(&x->tok, s->first_prep))))
        j++;
    if (x_is_det(x, j) || x_is(x, j, "other") || x_is(x, j, "both"))
        j++;
    if (mention_at(x, j - 1) != XNONE)
        j--; /* the determiner opens the next member's mention */
    if (mention_at(x, j) != XNONE && x->m[mention_at(x, j)].kind != MK_QUANT) {
        w->i = j;
        return WALK_NEXT;
    }
    size_t next = s->n > 0 ? modified_name_at(w, j) : 0;
    /* "A and B as well as the five partners: C, D and E" */
    if (!next)
        next = members_after_head(x, j);
    if (!next)
        return WALK_STOP;
    w->i = next;
    return WALK_NEXT;
}

/* "the four founders: A, B and C", "the partners — A and B", "Chilean
   outlets: A, B and C" (a group named by nationality gives way to its
   members) */
static int members_after_colon(void *state)
{
    struct np_walk *w = state;
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    size_t i = w->i;
    uint32_t before = i > 0 ? mention_at(x, i - 1) : XNONE;
    int group_head = s->n == 1 && before != XNONE && x->m[before].kind == MK_GROUP;
    if (!((s->n == 0 ? w->head_is_set : group_head) && !w->include && w->j > i &&
          (x_is_punct(x, i, ':') || (x->tok.items[i].flags & RN_TOK_DASH))))
        return WALK_ON;
    size_t k = w->j;
    if (x_is(x, k, "the"))
        k++;
    if (mention_at(x, k) == XNONE || x->m[mention_at(x, k)].kind != MK_ACTOR)
        return WALK_ON;
    w->include = 1;
    s->n = 0;
    w->i = k;
    return WALK_NEXT;
}

/* "A, B and C": a comma goes on with the list ("two nationals, A and B,":
   the members of a head) */
static int comma_member(void *state)
{
    struct np_walk *w = state;
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    if (!(w->j > w->i && x_is_punct(x, w->i, ',')))
        return WALK_ON;
    size_t k = w->j;
    if (x_is(x, k, "the"))
        k++;
    if (!(mention_at(x, k) != XNONE && x->m[mention_at(x, k)].kind == MK_ACTOR &&
          (s->n > 0 || w->include || w->head_is_set) && list_goes_on(x, k, s->n)))
        return WALK_ON;
    if (s->n == 0)
        w->include = 1;
    w->i = k;
    return WALK_NEXT;
}

static const struct rel_case member_joins[] = {
    CASE(include_cue, 0),
    CASE(relative_in_list, 0),
    CASE(described_then_named, 0),
    CASE(joined_member, 0),
    CASE(members_after_colon, 0),
    CASE(comma_member, 0),
};

/* After a member: what joins the next one; WALK_NEXT when one follows. */
static int joins_next(struct np_walk *w)
{
    struct rn_extractor *x = w->x;
    if (members_of_body(w))
        return WALK_NEXT;
    phrase_before_members(w);
    w->j = w->i;
    if (x_is_punct(x, w->j, ',') || x_is_punct(x, w->j, '-') || x_is_punct(x, w->j, '(') ||
        x_is_punct(x, w->j, ':'))
        w->j++;
    return run_cases(member_joins, NCASES(member_joins), w, 0, &w->fired);
}

/* A counted head with members names them ("59 apps, including A and B");
   without, the members named before ("the 59 apps"), or a set still
   waiting for them. */
static void settle_counted_head(struct np_walk *w)
{
    struct rn_extractor *x = w->x;
    struct side *s = w->s;
    uint32_t qm = w->head_is_set && s->desc_b > s->desc_a ? mention_at(x, s->desc_a) : XNONE;
    if (qm != XNONE && x->m[qm].kind != MK_QUANT)
        qm = XNONE;
    if (w->include && s->n > 0) {
        if (qm != XNONE) {
            remember_set(x, qm, s);
            s->counted = 1;
        }
        s->quant = 0;
        s->desc_b = s->desc_a = 0;
    } else if (qm != XNONE && s->n == 0) {
        if (recall_set(x, qm, s))
            s->desc_b = s->desc_a = 0;
        else
            s->quant = 1;
    } else if (w->head_is_set && s->n == 0 && s->desc_b == 0) {
        s->quant = 1;
    }
}

/* The noun phrase (or list) starting at i, going right: one member a
   round, then what joins the next. */
static void collect_right(struct rn_extractor *x, size_t i, struct side *s)
{
    side_init(s);
    struct np_walk w = {.x = x, .s = s, .n = x->tok.len, .i = skip_right(x, i)};
    while (w.i < w.n) {
        while (w.i < w.n &&
               (x_is_det(x, w.i) || x_is(x, w.i, "both") || x_is(x, w.i, "all") || is_quote(x, w.i)) &&
               mention_at(x, w.i) == XNONE)
            w.i++;
        uint32_t mi = mention_at(x, w.i);
        first_name_flags(&w, mi);
        int step = mi != XNONE ? mention_member(&w, mi)
                               : run_cases(unnamed_tokens, NCASES(unnamed_tokens), &w, 0, &w.fired);
        if (step == WALK_NEXT)
            continue;
        if (step == WALK_STOP || joins_next(&w) != WALK_NEXT)
            break;
    }
    settle_counted_head(&w);
    s->end = w.i;
}

/* The mention list ending at token j (inclusive), going left. */
/* The first token of the phrase that holds token a: back to the sentence's
   start or the punctuation before it, at most sixteen words ("in a
   statement released hours after the talks in Tehran," is one phrase). */
static size_t phrase_start(const struct rn_extractor *x, size_t a)
{
    size_t p = a;
    while (p > 0 && a - p < 16 && x_is_word(x, p - 1))
        p--;
    return p;
}

/* "Norway's trade minister", "his Peruvian counterpart": a description
   of a person in [a, b) that holds a title and names a state (possessive or
   demonym) gives person e that state when none is known. */
static void person_state_from(struct rn_extractor *x, uint32_t e, size_t a, size_t b)
{
    struct ent *pe = &x->ents[e];
    if (pe->aff != XNONE || (pe->type != RN_ETYPE_PERSON && pe->type != RN_ETYPE_UNKNOWN))
        return;
    uint32_t st = XNONE;
    int title = 0;
    for (size_t q = a; q < b; q++) {
        title |= x_cue(x, q, RN_CUE_TITLE) || x_cue(x, q, RN_CUE_MEMBER);
        uint32_t qm = mention_at(x, q);
        if (qm == XNONE || st != XNONE)
            continue;
        const struct mention *m = &x->m[qm];
        if (m->kind == MK_MOD && m->state != XNONE)
            st = m->state;
        else if (m->kind == MK_ACTOR && x->ents[m->ent].type == RN_ETYPE_COUNTRY &&
                 (x->tok.items[m->b].flags & RN_TOK_POSS))
            st = m->ent;
    }
    if (st == XNONE || !title)
        return;
    pe->aff = x->ents[st].name;
    pe->type = RN_ETYPE_PERSON;
}

/* "Ola Berg of Chile", "chief executive Ola Berg of Vantrix": a person
   named with the state or body they act for; the mention of that actor at
   m is then the person's, and it becomes their affiliation. Returns the
   person's mention, or m. */
static const struct mention *person_of(struct rn_extractor *x, const struct mention *m)
{
    enum rn_etype ty = m->kind == MK_ACTOR ? x->ents[m->ent].type : RN_ETYPE_PERSON;
    if (ty == RN_ETYPE_PERSON || ty == RN_ETYPE_DOCUMENT || m->pronoun || m->a < 2 ||
        !x_is(x, m->a - 1, "of"))
        return m;
    uint32_t pm = mention_at(x, m->a - 2);
    if (pm == XNONE || x->m[pm].kind != MK_ACTOR || x->m[pm].pronoun ||
        x->ents[x->m[pm].ent].type != RN_ETYPE_PERSON)
        return m;
    if (x->ents[x->m[pm].ent].aff == XNONE)
        x->ents[x->m[pm].ent].aff = x->ents[m->ent].name;
    return &x->m[pm];
}

/* Between "and" and the member at a: "A and his Peruvian counterpart B",
   "A and the video app B" - a determiner or possessive, modifiers and at
   most three lowercase words describing B ("his counterpart B" may be one
   mention already). Returns where the description
   opens, or a when there is none. */
static size_t described_member(struct rn_extractor *x, size_t a)
{
    size_t q = a, words = 0;
    while (q > 0 && words < 4) {
        uint32_t qm = mention_at(x, q - 1);
        if (qm != XNONE && x->m[qm].kind == MK_MOD) {
            q = x->m[qm].a;
            words++;
            continue;
        }
        if (qm == XNONE && x_is_lower(x, q - 1) && !x_is_det(x, q - 1) && !x_is_prep(x, q - 1) &&
            !x_is_conj(x, q - 1) && !x_is_aux(x, q - 1) && !x_is_wh(x, q - 1) &&
            (!x_pos(x, q - 1) || (x_pos(x, q - 1) & (RN_WP_NOUN | RN_WP_ADJ)))) {
            q--;
            words++;
            continue;
        }
        break;
    }
    if (q == 0)
        return a;
    uint32_t dm = mention_at(x, q - 1);
    if (x_is_det(x, q - 1) && dm == XNONE && q < a)
        return q - 1;
    if (dm != XNONE && x->m[dm].pronoun && x->m[dm].b == q)
        return x->m[dm].a;
    return a;
}

/* "A, which holds the presidency, and B", "A, a close ally of V, and B":
   an aside between the members before "and" at k (not "A, the Kotka
   Group, and B": a member named after "the"); the member before the
   aside in *p and *pm, when there is one. */
static void member_before_aside(struct rn_extractor *x, size_t k, size_t *p, uint32_t *pm)
{
    if (!x_is(x, k, "and") || !x_is_punct(x, k - 1, ','))
        return;
    size_t q = k - 1;
    while (q > 1 && k - q < 16 && !x_is_punct(x, q - 1, ',') && !x_is_punct(x, q - 1, '.'))
        q--;
    uint32_t am = q >= 2 && x_is_punct(x, q - 1, ',') ? mention_at(x, q - 2) : XNONE;
    uint32_t qm = mention_at(x, q + x_is(x, q, "the"));
    int member = qm != XNONE && x->m[qm].b + 1 == k;
    if (am != XNONE && q + 2 < k && !member &&
        (x_is_wh(x, q) || x_in_class(x, q, RN_WORD_INDEF) || x_is(x, q, "the"))) {
        *p = q - 2;
        *pm = am;
    }
}

/* "At a summit in Paris, the US and the UK ...": a name inside a phrase
   before the comma at k is not a member (nor "According to NRK's Ola Berg,
   the UK ...": the phrase opens with a preposition wherever the name sits
   in it) */
static int name_in_opening_phrase(struct rn_extractor *x, size_t k, const struct mention *pm)
{
    struct rn_cue_match icm;
    size_t open = phrase_start(x, pm->a);
    return x_is_punct(x, k, ',') && x_is_prep(x, open) && !x_cue_len(x, open, RN_CUE_INCLUDE, &icm);
}

/* "Chilean and Peruvian officials", "the Chilean, Peruvian and Bolivian
   governments": demonyms coordinated (k: the last "and" or comma) before
   the member m that makes the phrase a state name states too. */
static void coordinated_states(struct rn_extractor *x, const struct mention *m, size_t k,
                               struct side *s)
{
    if (x->ents[m->ent].type != RN_ETYPE_COUNTRY || m->resolved || m->a != k + 1)
        return;
    for (size_t q = k; q > 0 && (x_is_coord(x, q) || x_is_punct(x, q, ','));) {
        uint32_t dm = mention_at(x, q - 1);
        if (dm == XNONE || !plain_demonym(x, &x->m[dm]) || x->m[dm].b != q)
            return;
        side_add(s, x->m[dm].state);
        if (x->m[dm].a == 0)
            return;
        q = x->m[dm].a - 1;
    }
}

static void collect_left(struct rn_extractor *x, size_t j, struct side *s)
{
    side_init(s);
    for (;;) {
        uint32_t mi = mention_at(x, j);
        if (mi == XNONE)
            break;
        const struct mention *m = person_of(x, &x->m[mi]);
        if (m->kind == MK_QUANT) {
            if (s->n)
                break;
            s->quant = 1;
            /* "Norway and 17 other countries signed X": the named members
               before the set act too */
            size_t k = m->a > 0 ? m->a - 1 : 0;
            uint32_t pm = k > 0 && x_is_coord(x, k) ? mention_at(x, k - 1) : XNONE;
            if (pm == XNONE || x->m[pm].kind != MK_ACTOR)
                break;
            j = k - 1;
            continue;
        }
        if (m->kind == MK_MOD)
            break;
        side_add_mention(s, m);
        s->resolved |= m->resolved;
        if (m->a < 2)
            break;
        size_t k = m->a - 1;
        if (x_is(x, k, "both") || x_is(x, k, "the"))
            k--;
        size_t d = described_member(x, m->a);
        if (d < m->a && d > 0 && x_is_coord(x, d - 1)) {
            person_state_from(x, m->ent, d, m->a);
            k = d - 1;
        }
        if (!(x_is_coord(x, k) || x_is_punct(x, k, ',') || x_is_punct(x, k, '&')) || k == 0)
            break;
        size_t p = k - 1;
        if (x_is_punct(x, p, ','))
            p--;
        uint32_t pm = mention_at(x, p);
        if (pm != XNONE && x->m[pm].kind == MK_MOD) {
            coordinated_states(x, m, k, s);
            break;
        }
        member_before_aside(x, k, &p, &pm);
        /* "Ten countries and the EU signed X": the set's members may
           follow ("They include A and B") */
        if (pm != XNONE && x->m[pm].kind == MK_QUANT && x_is(x, k, "and"))
            s->quant = 1;
        if (pm == XNONE || x->m[pm].kind != MK_ACTOR || name_in_opening_phrase(x, k, &x->m[pm]))
            break;
        j = p;
    }
}

/* x->nmain before main_list() has read the subject's list */
#define MAIN_LIST_UNREAD ((size_t)-1)

/* ---- verb groups ------------------------------------------------------------------ */

struct vgroup {
    size_t start;       /* first token of the group (the subject ends before it) */
    int passive;
    int perfect;
    enum rn_polarity pol;
    int objctrl;        /* "ordered X to": the subject is the orderer's */
    size_t obj_a, obj_b; /* with objctrl: the ordered ones, "X" */
};

static void set_pol(enum rn_polarity *p, enum rn_polarity v)
{
    if (v == RN_POL_NEGATED || *p == RN_POL_NEGATED)
        *p = RN_POL_NEGATED;
    else if (v == RN_POL_HEDGED)
        *p = RN_POL_HEDGED;
}

/* A time phrase ending at j ("on Tuesday", "last week", "in 2020")? Returns
   the token before it, or j when there is none. */
static size_t skip_time_left(struct rn_extractor *x, size_t j)
{
    size_t k = j;
    int dated = 0, worded = 0;
    while (k > 0 && (x_cue(x, k, RN_CUE_NOTNAME) || (x->tok.items[k].flags & RN_TOK_NUM) ||
                     x_cue(x, k, RN_CUE_TIME) ||
                     (x_is_punct(x, k, '.') && x_cue(x, k - 1, RN_CUE_NOTNAME)))) { /* "Aug. 6" */
        dated = 1;
        worded |= !(x->tok.items[k].flags & RN_TOK_NUM);
        k--;
    }
    if (!dated)
        return j;
    if (x_is(x, k, "on") || x_is(x, k, "in") || x_is(x, k, "this") || x_cue(x, k, RN_CUE_TIME))
        return k > 0 ? k - 1 : j;
    /* a bare "Monday" or "last week" (not a bare number: "banned 59 apps") */
    return worded ? k : j;
}

/* "ordered Apple, Google and Vantrix to": the first token of the list of
   actors whose last member is mention mi. */
static size_t ordered_list_start(struct rn_extractor *x, uint32_t mi)
{
    size_t oa = x->m[mi].a;
    while (oa >= 2 && (x_is_coord(x, oa - 1) || x_is_punct(x, oa - 1, ','))) {
        size_t p = oa - 1;
        if (!x_is_punct(x, p, ',') && x_is_punct(x, p - 1, ',') && p >= 2)
            p--; /* ", and" */
        uint32_t pm = mention_at(x, p - 1);
        if (pm == XNONE || x->m[pm].kind != MK_ACTOR)
            break;
        oa = x->m[pm].a;
    }
    return oa;
}

/* A verb group being read leftwards from its verb (verb_group): each round
   one of the table group_words takes the token before the group, or the
   group is complete. */
struct group_walk {
    struct rn_extractor *x;
    struct vgroup *g;
    size_t t;          /* the verb */
    int participle;
    size_t j;          /* the group's first token so far */
    int near;          /* still next to the verb: a "be" here makes it passive */
    size_t c;          /* before "to": where a control verb would end */
    size_t rank;       /* before "to": the rank word ("the first state to"), or where
                          the search for it stopped */
    int open;          /* "whether to": an open question, which no negation
                          before it settles ("has not decided whether to") */
    const char *fired; /* the case that took the last token, for a trace */
};

/* The group now starts at j; pol joins its polarity; near: whether the
   verb still stands next to it. */
static int took(struct group_walk *w, size_t j, enum rn_polarity pol, int near)
{
    set_pol(&w->g->pol, pol);
    w->j = j;
    w->near = near;
    return 1;
}

/* "not", "never" (not a capitalised "No"): negated */
static int negation_left(void *state)
{
    struct group_walk *w = state;
    size_t k = w->j - 1;
    if (!x_cue(w->x, k, RN_CUE_NEG) || (w->x->tok.items[k].flags & RN_TOK_CAP))
        return 0;
    return took(w, k, w->open ? RN_POL_HEDGED : RN_POL_NEGATED, w->near);
}

/* "may", "reportedly": hedged */
static int hedge_left(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t k = w->j - 1;
    if (x_cue(x, k, RN_CUE_HEDGE) && x_is_word(x, k) && !(x->tok.items[k].flags & RN_TOK_CAP && k > 0))
        return took(w, k, RN_POL_HEDGED, 0);
    return 0;
}

/* a form of "be": right before a participle, passive */
static int be_left(void *state)
{
    struct group_walk *w = state;
    if (!x_is_be(w->x, w->j - 1))
        return 0;
    if (w->near && w->participle)
        w->g->passive = 1;
    return took(w, w->j - 1, RN_POL_ASSERTED, 0);
}

/* an auxiliary: "has", "have", "had" right before the verb, perfect */
static int aux_left(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t k = w->j - 1;
    if (!x_is_aux(x, k))
        return 0;
    if (w->near && (x_is(x, k, "has") || x_is(x, k, "have") || x_is(x, k, "had")))
        w->g->perfect = 1;
    return took(w, k, RN_POL_ASSERTED, 0);
}

static int adverb_left(void *state)
{
    struct group_walk *w = state;
    return x_is_adverb(w->x, w->j - 1) && took(w, w->j - 1, RN_POL_ASSERTED, w->near);
}

/* "has in effect banned", "has de facto blocked" */
static int adverb_pair_left(void *state)
{
    struct group_walk *w = state;
    size_t k = w->j - 1;
    struct rn_cue_match cm;
    return k > 0 && x_is_word(w->x, k) && x_cue_len(w->x, k - 1, RN_CUE_ADV, &cm) == 2 &&
           took(w, k - 1, RN_POL_ASSERTED, w->near);
}

/* "considering banning" (hedged), "denied accusing" (negated), "began
   blocking" (asserted): the control verb's polarity, hedged if it has none */
static int control_before_ing(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t k = w->j - 1;
    struct rn_cue_match cm;
    int len = x_ends_with(x, w->t, "ing") && w->j == w->t ? x_cue_ending(x, k, RN_CUE_CTRL, &cm) : 0;
    if (!len)
        return 0;
    enum rn_polarity v;
    if (rn_polarity_parse(cm.value, &v) != RN_OK)
        v = RN_POL_HEDGED;
    return took(w, k + 1 - (size_t)len, v, 0);
}

/* Cases before "to", tried in order. */

/* control verb before "to": "plans to", "declined to", "opted not to" */
static int control_verb(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t c = w->c;
    struct rn_cue_match cm;
    int ctrl_len = x_cue_ending(x, c, RN_CUE_CTRL, &cm);
    if (!ctrl_len)
        return 0;
    size_t s = c + 1 - (size_t)ctrl_len;
    enum rn_polarity v;
    if (rn_polarity_parse(cm.value, &v) == RN_OK)
        set_pol(&w->g->pol, v);
    /* "has no plans to ban", "no intention to sign": the plan is denied */
    if (s > 0 && x_is(x, s - 1, "no") && x_is_word(x, s) && !(x->tok.items[s].flags & RN_TOK_CAP))
        return took(w, s - 1, RN_POL_NEGATED, 0);
    return took(w, s, RN_POL_ASSERTED, 0);
}

/* A rank before "to": "first", "only" (cues class rank) or an ordinal
   number, digits and a two-letter ending ("the 20th country to sign",
   "1st", "22nd"). */
static int rank_word(struct rn_extractor *x, size_t i)
{
    if (x_cue(x, i, RN_CUE_RANK))
        return 1;
    const char *w = x_norm(x, i);
    size_t n = x->tok.items[i].norm_len, digits = strspn(w, "0123456789");
    return n >= 3 && digits == n - 2 && isalpha((unsigned char)w[n - 2]) && isalpha((unsigned char)w[n - 1]);
}

/* "became the first state to ban", "the first U.S. state to": a done
   deed ("was the only country not to sign": negated) */
static int first_to(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t f = w->rank, k = w->j - 1;
    /* a headline drops the article: "Norway becomes latest country to" */
    size_t be = f >= 1 && x_is(x, f - 1, "the") ? f - 2 : f - 1;
    if (!(f >= 2 && be < f && rank_word(x, f) && x_is_be(x, be)))
        return 0;
    for (size_t q = f + 1; q < k; q++)
        if (x_cue(x, q, RN_CUE_NEG))
            set_pol(&w->g->pol, RN_POL_NEGATED);
    return took(w, be, RN_POL_ASSERTED, 0);
}

/* "making Utah the first state to ban Y": the name before "the first" is
   the subject */
static int made_first_to(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t f = w->rank;
    uint32_t fm = f >= 3 && rank_word(x, f) && x_is(x, f - 1, "the") ? mention_at(x, f - 2)
                                                                              : XNONE;
    if (fm != XNONE && x->m[fm].kind == MK_ACTOR && x->m[fm].a > 0 &&
        x_cue(x, x->m[fm].a - 1, RN_CUE_CAUSE))
        return took(w, f - 1, RN_POL_ASSERTED, 0);
    return 0;
}

/* The ordered ones before "to" at k: a list of actors ("ordered Apple,
   Google and Vantrix to"), a plural common noun ("ordered internet
   providers to"), the kind before its members ("required companies like
   A and B to"). Their first token; *named: a list of actors, *common: a
   plural common noun. */
static size_t ordered_ones_start(struct rn_extractor *x, size_t k, int *named, int *common)
{
    uint32_t mi = mention_at(x, k - 1);
    size_t oa = mi != XNONE ? ordered_list_start(x, mi) : k;
    *common = 0;
    struct rn_cue_match icm;
    size_t il = oa > 1 && x_cue_len(x, oa - 1, RN_CUE_INCLUDE, &icm) == 1   ? 1
                : oa > 2 && x_cue_len(x, oa - 2, RN_CUE_INCLUDE, &icm) == 2 ? 2
                                                                             : 0;
    size_t kind_end = k; /* after the common noun */
    if (il && oa - il > 0 && mention_at(x, oa - il - 1) == XNONE && x_is_word(x, oa - il - 1)) {
        mi = XNONE;
        kind_end = oa = oa - il;
    }
    if (mi == XNONE) {
        while (oa > 0 && kind_end - oa < 3 && x_is_word(x, oa - 1) && mention_at(x, oa - 1) == XNONE &&
               !(x->tok.items[oa - 1].flags & RN_TOK_CAP) && !x_is_aux(x, oa - 1) &&
               !x_is_prep(x, oa - 1) && !x_cue(x, oa - 1, RN_CUE_OBJCTRL))
            oa--;
        *common = oa < kind_end && x_ends_with(x, kind_end - 1, "s");
    }
    *named = mi != XNONE;
    return oa;
}

/* object control: "ordered Apple to block", "ordered internet providers
   to block": hedged, the ordered ones kept */
static int object_control(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t k = w->j - 1;
    int named, common;
    size_t oa = ordered_ones_start(x, k, &named, &common);
    if (!((named || common) && oa > 0))
        return 0;
    size_t v = oa - 1;
    if (x_is(x, v, "the") && v > 0)
        v--;
    struct rn_cue_match cm;
    for (size_t back = 0; back < 2 && v + 1 > back; back++) {
        int n = x_cue_len(x, v - back, RN_CUE_OBJCTRL, &cm);
        /* urging or asking others ("urged governments to keep X out") is
           no order: only commands pass people by */
        if (n && common && strcmp(cm.value, "request") == 0)
            break;
        if (n && v - back + (size_t)n == v + 1) {
            w->g->objctrl = 1;
            w->g->obj_a = oa;
            w->g->obj_b = k;
            return took(w, v - back, RN_POL_HEDGED, 0);
        }
    }
    return 0;
}

/* "a bill to ban X", "passed legislation to block X": a document's
   purpose is its act (records.c gives it to the document's owner) */
static int document_to(void *state)
{
    struct group_walk *w = state;
    uint32_t dm = mention_at(w->x, w->c);
    if (dm == XNONE || w->x->m[dm].kind != MK_DOC || w->x->m[dm].b != w->c + 1)
        return 0;
    return took(w, w->c, RN_POL_ASSERTED, 0);
}

/* "Norway to ban Quillchat from state phones": a headline's subject right
   before "to" is to do it - planned, hedged */
static int headline_to(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    uint32_t mi = mention_at(x, w->c);
    if (mi == XNONE || x->m[mi].kind != MK_ACTOR || x->m[mi].b != w->c + 1 ||
        x->m[mi].a != x->first_word || w->c + 1 != w->j - 1)
        return 0;
    return took(w, w->j - 1, RN_POL_HEDGED, 0);
}

static const struct rel_case before_to[] = {
    CASE(control_verb, 0),
    CASE(document_to, 0),
    CASE(headline_to, 0),
    CASE(first_to, 0),
    CASE(made_first_to, 0),
    CASE(object_control, 0),
};

/* "to" and what governs it. Where the control verb would end: past a time
   ("decided in July to"), "whether" ("is weighing whether to": hedged)
   and adverbs ("voted unanimously to ban"). */
static int infinitive_left(void *state)
{
    struct group_walk *w = state;
    struct rn_extractor *x = w->x;
    size_t k = w->j - 1;
    if (!(x_is(x, k, "to") && k > 0))
        return 0;
    size_t c = k - 1;
    if (x_is(x, c, "whether") && c > 0) {
        set_pol(&w->g->pol, RN_POL_HEDGED);
        w->open = 1;
        c--;
    } else if (mention_at(x, c) == XNONE) {
        size_t c2 = skip_time_left(x, c);
        if (c2 != c && c2 < c)
            c = c2;
    }
    /* (not "the first to sign": a rank, though an adverb too) */
    while (c > 0 && x_is_adverb(x, c) && !x_cue(x, c, RN_CUE_CTRL) && !rank_word(x, c))
        c--;
    w->c = c;
    size_t f = c;
    while (f > 0 && c - f < 4 && !rank_word(x, f) && !x_is_punct(x, f, ','))
        f--;
    w->rank = f;
    return run_cases(before_to, NCASES(before_to), w, 0, &w->fired);
}

static const struct rel_case group_words[] = {
    CASE(negation_left, 0),
    CASE(hedge_left, 0),
    CASE(be_left, 0),
    CASE(aux_left, 0),
    CASE(adverb_left, 0),
    CASE(adverb_pair_left, 0),
    CASE(control_before_ing, 0),
    CASE(infinitive_left, 0),
};

/* The verb group ending at verb t: its first token, voice, perfect,
   polarity (negations, hedges, control verbs), object control. */
static void verb_group(struct rn_extractor *x, size_t t, int participle, struct vgroup *g)
{
    memset(g, 0, sizeof *g);
    g->pol = RN_POL_ASSERTED;
    struct group_walk w = {.x = x, .g = g, .t = t, .participle = participle, .j = t, .near = 1};
    while (w.j > 0 && run_cases(group_words, NCASES(group_words), &w, 0, &w.fired))
        ;
    g->start = w.j;
}

/* The first actor of the sentence's main clause: after a leading
   subordinate clause, not inside a prepositional phrase. */
static uint32_t main_subject(struct rn_extractor *x)
{
    size_t i = 0, n = x->tok.len;
    /* "HONG KONG — The US and Canada ...", "Hong Kong — The US ...": a
       dateline (capitals, or one place name, before a dash) is no subject */
    int upper = 1;
    for (size_t k = 0; k < n && k < 8; k++) {
        uint32_t f = x->tok.items[k].flags;
        if ((f & RN_TOK_DASH) && k > 0) {
            uint32_t m0 = mention_at(x, 0);
            int place = m0 != XNONE && x->m[m0].b == k && x->m[m0].kind == MK_ACTOR &&
                        x->ents[x->m[m0].ent].type == RN_ETYPE_COUNTRY;
            if ((upper || place) && k + 1 < n && (x->tok.items[k + 1].flags & RN_TOK_CAP))
                i = k + 1;
            break;
        }
        if ((f & RN_TOK_WORD) && !(f & RN_TOK_UPPER))
            upper = 0;
        if (!((f & RN_TOK_CAP) || x_is_punct(x, k, '/') || x_is_punct(x, k, ',') ||
              x_is_punct(x, k, '.')))
            break;
    }
    /* "As the tension grew, ...", "In April, ...": skip the opening clause */
    if (i < n && x_is_word(x, i) && (x_is_prep(x, i) || x_is_conj(x, i))) {
        while (i < n && !x_is_punct(x, i, ','))
            i++;
    }
    for (; i < n; i++) {
        uint32_t mi = mention_at(x, i);
        if (mi == XNONE)
            continue;
        const struct mention *m = &x->m[mi];
        if (m->kind == MK_ACTOR && (m->a == 0 || !x_is_prep(x, m->a - 1))) {
            /* "Chinese foreign ministry spokesman Lin Jian said ... and
               accused": the person the body's title leads to acts */
            size_t k = m->b;
            while (k < n && k - m->b < 3 && x_is_word(x, k) && mention_at(x, k) == XNONE &&
                   !(x->tok.items[k].flags & RN_TOK_CAP) && !x_is_prep(x, k) && !x_is_aux(x, k) &&
                   !x_is_conj(x, k) && !x_is_wh(x, k) && !x_cue(x, k, RN_CUE_SPEECH))
                k++;
            int func = !(x->tok.items[m->b - 1].flags & RN_TOK_CAP); /* "... spokesman" */
            uint32_t pm = k > m->b || func ? mention_at(x, k) : XNONE;
            if (pm != XNONE && x->m[pm].a == k && x->m[pm].kind == MK_ACTOR &&
                x->ents[x->m[pm].ent].type == RN_ETYPE_PERSON)
                return x->m[pm].ent;
            return m->ent;
        }
        i = m->b - 1;
        if (m->kind == MK_ACTOR || m->kind == MK_GROUP)
            return XNONE;
    }
    return XNONE;
}

/* The subject left of a verb group starting at v. */
static uint32_t speaker(struct rn_extractor *x, size_t avoid_a, size_t avoid_b);

/* The speaker of the sentence, not counting a speech verb in [a, b]; the
   speaker's own subject is never first person again (no loop). */
static uint32_t speaker_outside(struct rn_extractor *x, size_t a, size_t b)
{
    if (x->in_speaker)
        return XNONE;
    x->in_speaker = 1;
    uint32_t e = speaker(x, a, b + 1);
    x->in_speaker = 0;
    return e;
}

/* How far a quotation goes on after its speaker was named. */
#define QUOTE_SENTENCES 2

/* "The US and the EU have accused Y ..., and have sanctioned Z": the
   members of the list the sentence's subject opens. */
static void main_list(struct rn_extractor *x)
{
    x->nmain = 0;
    for (size_t k = 0; k < x->nm && x->main_subject != XNONE; k++) {
        if (x->m[k].ent != x->main_subject || x->m[k].kind != MK_ACTOR || x->m[k].pronoun)
            continue;
        struct side l;
        collect_right(x, x->m[k].a, &l);
        for (size_t i = 0; i < l.n && x->nmain < sizeof x->main_list / sizeof x->main_list[0]; i++)
            x->main_list[x->nmain++] = l.ents[i];
        return;
    }
}

/* The sentence's subject into s: the whole list it opens, when it opens
   one (read only when a clause needs it). */
static void add_main_subject(struct rn_extractor *x, struct side *s)
{
    if (x->nmain == MAIN_LIST_UNREAD)
        main_list(x);
    if (x->nmain > 1 && x->main_list[0] == x->main_subject) {
        for (size_t i = 0; i < x->nmain; i++)
            side_add(s, x->main_list[i]);
        return;
    }
    side_add(s, x->main_subject);
}

/* The subject left of a verb group being read (subject_of). */
struct subject_read {
    struct rn_extractor *x;
    struct side *s;
    size_t v;          /* the verb group's first token */
    size_t j;          /* the token before it (past quotes and times) */
    size_t k;          /* an aside's opening comma ("X, a spokesperson for Y, accused") */
    int speech;        /* the aside holds a speech verb */
    const char *fired; /* the case that decided, for a trace */
};

/* "Norway's bid to ban X", "Kenya's decision to block X": a control
   noun's owner acts. Returns 1 when s is decided. */
static int control_noun_owner(struct subject_read *r)
{
    struct rn_extractor *x = r->x;
    size_t j = r->j;
    if (!((x_flags(x, j) & RN_TOK_POSS) && j > 0 && x_cue(x, r->v, RN_CUE_CTRL) &&
          mention_at(x, j - 1) != XNONE && x->m[mention_at(x, j - 1)].kind == MK_ACTOR))
        return 0;
    side_add(r->s, x->m[mention_at(x, j - 1)].ent);
    return 1;
}

/* "Lu Kang, who accused": the antecedent of the relative pronoun at j;
   "A and B were among the ministers who signed it", "... among those that
   signed it": the members. Returns 1 when s is decided. */
static int relative_antecedent(struct subject_read *r)
{
    struct rn_extractor *x = r->x;
    size_t j = r->j;
    if (!x_is_wh(x, j) || j == 0)
        return 0;
    j--;
    if (x_is_punct(x, j, ',') && j > 0)
        j--;
    /* "signed a law on Friday that bans X": the time is no antecedent (but
       in "a complaint against Y today that alleges", Y is inside a phrase,
       and the complaint is meant) */
    if (mention_at(x, j) == XNONE) {
        size_t k = skip_time_left(x, j);
        uint32_t am = mention_at(x, k);
        if (k != j && am != XNONE && !(x->m[am].a > 0 && x_is_prep(x, x->m[am].a - 1)))
            j = k;
    }
    r->j = j;
    /* "were among the ministers who", "was among 40 nations that": the
       phrase before the relative word opens after "among" */
    uint32_t pm = mention_at(x, j);
    size_t a = pm != XNONE && x->m[pm].kind == MK_QUANT ? x->m[pm].a
               : pm == XNONE && x_is_word(x, j)      ? j
                                                     : 0;
    if (a > 0 && x_is(x, a - 1, "the"))
        a--;
    if (a >= 3 && x_is(x, a - 1, "among") && x_is_be(x, a - 2) && mention_at(x, a - 3) != XNONE) {
        collect_left(x, a - 3, r->s);
        return 1;
    }
    if (j >= 3 && x_is(x, j, "those") && x_is(x, j - 1, "among") && x_is_be(x, j - 2) &&
        mention_at(x, j - 3) != XNONE) {
        collect_left(x, j - 3, r->s);
        return 1;
    }
    return 0;
}

/* Cases of an aside before the verb (the comma at j), tried in order. */

/* ", Wang said, accusing ...": the speaker of the aside acts */
static int aside_speaker(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    if (!r->speech || !x_is_punct(x, r->k, ','))
        return 0;
    for (size_t q = r->k + 1; q < r->j; q++) {
        uint32_t qm = mention_at(x, q);
        if (qm == XNONE || x->m[qm].kind != MK_ACTOR)
            continue;
        size_t b = x->m[qm].b;
        if ((b < r->j && x_cue(x, b, RN_CUE_SPEECH)) ||
            (x->m[qm].a > 0 && x_cue(x, x->m[qm].a - 1, RN_CUE_SPEECH))) {
            side_add(r->s, x->m[qm].ent);
            return 1;
        }
        q = b - 1;
    }
    return 0;
}

/* "Several US states, including Texas and Virginia, have banned": the
   members named in the aside; "Sixteen firms, including A, B, C and D,
   signed": the aside holds commas of its own, so look further left for
   its opener */
static int aside_members(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t k = r->k, j = r->j;
    struct rn_cue_match icm;
    int il = x_is_punct(x, k, ',') ? x_cue_len(x, k + 1, RN_CUE_INCLUDE, &icm) : 0;
    size_t ik = k;
    for (size_t q = k; !il && q > 1 && j - q < 48 && !x_is_punct(x, q, '.'); q--)
        if (x_is_punct(x, q - 1, ',') && mention_at(x, q) == XNONE &&
            (il = x_cue_len(x, q, RN_CUE_INCLUDE, &icm)) != 0)
            ik = q - 1;
    if (!il)
        return 0;
    collect_right(x, ik + 1 + (size_t)il, r->s);
    if (r->s->n && r->s->end == j)
        return 1;
    side_init(r->s);
    return 0;
}

/* "X, a spokesperson for Y, accused": the name before the aside; "Ola
   Berg, Chile's trade minister, said": its state. Not an aside of speech
   (", the regulator said on Friday, accusing ..."), nor "A, to its list,
   barring B": a phrase that opens with a preposition goes on the clause
   before, whose subject acts. */
static int name_before_aside(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t k = r->k;
    if (!(x_is_punct(x, k, ',') && k > 0 && mention_at(x, k - 1) != XNONE && !r->speech &&
          !(x_is_prep(x, k + 1) && x_ends_with(x, r->v, "ing"))))
        return 0;
    collect_left(x, k - 1, r->s);
    if (r->s->n)
        person_state_from(x, r->s->ents[0], k + 1, r->j);
    return r->s->n != 0;
}

/* "Canada's foreign minister at the time, Chrystia Freeland, said": the
   name in apposition to a description, which names the person's state
   ("Norway's defence minister, Ola Berg,") */
static int name_after_description(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t k = r->k;
    uint32_t am = mention_at(x, r->j - 1);
    if (!(x_is_punct(x, k, ',') && k > 0 && am != XNONE && x->m[am].a == k + 1 &&
          x->m[am].kind == MK_ACTOR && !x->m[am].pronoun && x_is_word(x, k - 1) &&
          mention_at(x, k - 1) == XNONE && !(x->tok.items[k - 1].flags & RN_TOK_CAP) &&
          (x->ents[x->m[am].ent].type == RN_ETYPE_PERSON ||
           x->ents[x->m[am].ent].type == RN_ETYPE_UNKNOWN)))
        return 0;
    size_t q = k;
    while (q > 0 && !x_is_punct(x, q - 1, ','))
        q--;
    person_state_from(x, x->m[am].ent, q, k);
    side_add(r->s, x->m[am].ent);
    return 1;
}

/* a participle clause: "X did A, accusing Y": the sentence's subject */
static int sentence_subject(void *state)
{
    struct subject_read *r = state;
    add_main_subject(r->x, r->s);
    return 1;
}

static size_t light_agent(struct rn_extractor *x, size_t k, struct side *agent,
                          enum rn_polarity *pol);

/* The noun trigger starting at i (of one word only, when one_word), or
   NULL. */
static const struct rn_trigger *noun_trigger_at(struct rn_extractor *x, size_t i, int one_word)
{
    const struct rn_trigger *tr[4];
    uint32_t nt[4];
    size_t n = rn_lexicon_triggers(x->lex, x->wc, &x->tok, i, x->tok.len, tr, nt, 4);
    for (size_t k = 0; k < n; k++)
        if (tr[k]->pos == RN_POS_NOUN && (!one_word || nt[k] == 1))
            return tr[k];
    return NULL;
}

/* Is a verb of relation rel within the verb group starting at v ("accuses",
   "has also alleged")? (A ban that "violates" rights is not a ban.) */
static int same_relation_verb(struct rn_extractor *x, size_t v, const char *rel)
{
    for (size_t i = v; i < x->tok.len && i < v + 4 && x_is_word(x, i); i++) {
        const struct rn_trigger *tr[4];
        uint32_t nt[4];
        size_t n = rn_lexicon_triggers(x->lex, x->wc, &x->tok, i, x->tok.len, tr, nt, 4);
        for (size_t k = 0; k < n; k++)
            if (tr[k]->pos == RN_POS_VERB && strcmp(tr[k]->relation, rel) == 0)
                return 1;
    }
    return 0;
}

/* "The lawsuit(, filed by Kelpex on Monday,) accuses Y", "Kelpex's
   complaint alleges ...", "The lawsuit accuses Y" after "Kelpex sued ...":
   a trigger noun at noun, the subject of a verb of its own relation, acts
   for the agent its aside names, else its owner, else (after "the")
   whoever last did what it names in the article. 1 when s is decided. */
static int trigger_noun_acts(struct subject_read *r, size_t noun)
{
    struct rn_extractor *x = r->x;
    const struct rn_trigger *tr = noun_trigger_at(x, noun, 1);
    if (!tr || mention_at(x, noun) != XNONE || !same_relation_verb(x, r->v, tr->relation))
        return 0;
    struct side agent;
    enum rn_polarity pol = RN_POL_ASSERTED;
    light_agent(x, noun + 1, &agent, &pol);
    size_t p = noun > 0 && (x_flags(x, noun - 1) & RN_TOK_POSS) ? noun - 2 : SIZE_MAX;
    uint32_t owner = p < noun ? mention_at(x, p) : XNONE;
    if (agent.n)
        side_add(r->s, agent.ents[0]);
    else if (owner != XNONE && x->m[owner].kind == MK_ACTOR)
        side_add(r->s, x->m[owner].ent);
    else if (noun > 0 && x_in_class(x, noun - 1, RN_WORD_DEF))
        side_add(r->s, x_hist_source(x, tr->relation, XNONE));
    return r->s->n != 0;
}

/* the trigger noun before the aside ("The lawsuit, filed by X, accuses") */
static int trigger_noun_before_aside(void *state)
{
    struct subject_read *r = state;
    return r->k > 0 && trigger_noun_acts(r, r->k - 1);
}

/* the trigger noun right before the verb ("Kelpex's complaint alleges") */
static int trigger_noun_subject(void *state)
{
    struct subject_read *r = state;
    return trigger_noun_acts(r, r->j);
}

static const struct rel_case aside_cases[] = {
    CASE(trigger_noun_before_aside, 0),
    CASE(aside_speaker, 0),
    CASE(aside_members, 0),
    CASE(name_before_aside, 0),
    CASE(name_after_description, 0),
    CASE(sentence_subject, 0),
};

/* Subject cases, tried in order once j is known. */

/* "Chilean outlets - Radio Uno, Canal Sur, TVX - will be blocked": the
   members listed between dashes */
static int dashed_members(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t j = r->j;
    if (!(j > 0 && (x_is_punct(x, j, '-') || (x_flags(x, j) & RN_TOK_DASH)) &&
          mention_at(x, j - 1) != XNONE))
        return 0;
    collect_left(x, j - 1, r->s);
    return r->s->n != 0;
}

/* an aside or apposition before the verb: its opening comma, whether it
   speaks, then its cases */
static int aside_before(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t j = r->j;
    if (!x_is_punct(x, j, ',') || j == 0)
        return 0;
    size_t k = j - 1;
    int speech = 0;
    while (k > 0 && j - k < 16 && !x_is_punct(x, k, ',') && !x_is_punct(x, k, '.')) {
        speech |= x_cue(x, k, RN_CUE_SPEECH);
        k--;
    }
    r->k = k;
    r->speech = speech;
    run_cases(aside_cases, NCASES(aside_cases), r, 0, &r->fired);
    return 1;
}

/* "We will ban X," the minister said: the first person is the speaker, in
   this sentence or, continuing a quotation, in one of the two before;
   "we" from a state's official is the state ("I" stays the person) */
static int first_person(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t j = r->j;
    if (!x_is_we(x, j))
        return 0;
    uint32_t sp = speaker_outside(x, j, r->v);
    if (sp == XNONE && x->speaker != XNONE && x->sent_no <= x->speaker_sent + QUOTE_SENTENCES)
        sp = x->speaker;
    if (sp != XNONE && !x_in_class(x, j, RN_WORD_SELF) && x->ents[sp].type == RN_ETYPE_PERSON &&
        x_state_of(x, sp) != XNONE)
        sp = x_state_of(x, sp);
    side_add(r->s, sp);
    return 1;
}

/* A name right before the verb: the list it ends ("the United States and
   its allies accused": the owner is named); "China's embassy in New Delhi
   accused": the body, not its seat */
static int named_subject(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t j = r->j;
    if (mention_at(x, j) == XNONE && j > 0 && mention_at(x, j - 1) != XNONE &&
        x->m[mention_at(x, j - 1)].pronoun && x_is_word(x, j) && !x_is_prep(x, j))
        j--;
    if (mention_at(x, j) == XNONE)
        return 0;
    const struct mention *lm = &x->m[mention_at(x, j)];
    if (lm->kind == MK_ACTOR && x->ents[lm->ent].type == RN_ETYPE_COUNTRY && lm->a >= 2 &&
        x_is(x, lm->a - 1, "in") && mention_at(x, lm->a - 2) != XNONE) {
        const struct mention *bm = &x->m[mention_at(x, lm->a - 2)];
        if (bm->kind == MK_ACTOR && x->ents[bm->ent].type == RN_ETYPE_ORGANIZATION) {
            side_add(r->s, bm->ent);
            return 1;
        }
    }
    collect_left(x, j, r->s);
    return 1;
}

/* "... and accused", "after banning": a second clause, the sentence's
   subject */
static int clause_after_conjunction(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    size_t j = r->j;
    if (!(x_is(x, j, "and") || x_is(x, j, "but") || x_is(x, j, "by") || x_is(x, j, "after") ||
          x_is(x, j, "before") || x_is(x, j, "while")))
        return 0;
    add_main_subject(x, r->s);
    return 1;
}

/* "The Ministry, invoking its powers under ... has decided to": the
   sentence opens with the actor and an aside */
static int opening_actor(void *state)
{
    struct subject_read *r = state;
    struct rn_extractor *x = r->x;
    if (x->nm && x->m[0].kind == MK_ACTOR && x->m[0].a <= 1 && x_is_punct(x, x->m[0].b, ',') &&
        r->v > x->m[0].b + 3)
        side_add(r->s, x->m[0].ent);
    return 1;
}

static const struct rel_case subject_cases[] = {
    CASE(trigger_noun_subject, 0),
    CASE(dashed_members, 0),
    CASE(aside_before, 0),
    CASE(first_person, 0),
    CASE(named_subject, 0),
    CASE(clause_after_conjunction, 0),
    CASE(opening_actor, 0),
};

/* The subject left of a verb group starting at v, into s. */
static void subject_of(struct rn_extractor *x, size_t v, struct side *s)
{
    side_init(s);
    struct subject_read r = {.x = x, .s = s, .v = v, .j = v ? v - 1 : 0};
    while (r.j > 0 && is_quote(x, r.j))
        r.j--;
    /* "The EU on Tuesday unveiled ...": the time phrase is no subject */
    if (v > 0 && mention_at(x, r.j) == XNONE)
        r.j = skip_time_left(x, r.j);
    /* "Norway's plan to ban X": a control noun's owner acts, also when the
       noun heads a document */
    if (v > 0 && control_noun_owner(&r))
        return;
    /* "took the decision to ban X", "announced a bid to block X": a
       control noun a light verb governs acts for that verb's subject */
    if (v > 1 && x_cue(x, v, RN_CUE_CTRL) && x_is_det(x, r.j) && x_cue(x, r.j - 1, RN_CUE_LIGHT) &&
        mention_at(x, r.j - 1) == XNONE) {
        struct vgroup lg;
        verb_group(x, r.j - 1, 0, &lg);
        subject_of(x, lg.start, s);
        return;
    }
    /* "the Commission's proposal to ban X": a verb group that opens with a
       document's head noun is that document's act */
    uint32_t dm = mention_at(x, v);
    if (dm != XNONE && x->m[dm].kind == MK_DOC) {
        side_add(s, x->m[dm].ent);
        return;
    }
    if (v == 0 || relative_antecedent(&r))
        return;
    run_cases(subject_cases, NCASES(subject_cases), &r, 0, &r.fired);
}

/* "according to X": X, when it is a state, a body or a person - not a
   news outlet ("according to Reuters") or another unknown name */
static uint32_t named_source(struct rn_extractor *x)
{
    struct rn_cue_match cm;
    for (size_t i = 0; i < x->tok.len; i++) {
        int n = x_cue_len(x, i, RN_CUE_SOURCE, &cm);
        uint32_t mi = n ? mention_at(x, i + (size_t)n) : XNONE;
        if (mi == XNONE || x->m[mi].kind != MK_ACTOR)
            continue;
        enum rn_etype t = x->ents[x->m[mi].ent].type;
        if (t == RN_ETYPE_COUNTRY || t == RN_ETYPE_ORGANIZATION || t == RN_ETYPE_PERSON)
            return x->m[mi].ent;
    }
    return XNONE;
}

/* Is entity e named in this sentence by words of a deciding body (cues
   class judicial: "the Oslo District Court", "Judge Ola Berg")? */
static int judicial(struct rn_extractor *x, uint32_t e)
{
    for (size_t k = 0; k < x->nm; k++) {
        if (x->m[k].ent != e)
            continue;
        for (size_t t = x->m[k].a > 0 ? x->m[k].a - 1 : 0; t < x->m[k].b; t++)
            if (x_cue(x, t, RN_CUE_JUDICIAL))
                return 1;
    }
    return 0;
}

/* "Chile's accusation that Kelpex spied": the owner of an accusing noun
   (a trigger noun with frame against) before "that" at i + 1 reports what
   follows; XNONE when there is none. */
static uint32_t claim_owner(struct rn_extractor *x, size_t i)
{
    if (i == 0 || !x_is(x, i + 1, "that"))
        return XNONE;
    /* an act against someone ("accusation", "allegation", "complaint") */
    const struct rn_trigger *tr = noun_trigger_at(x, i, 1);
    if (!tr || !(tr->frame & RN_FRAME_AGAINST))
        return XNONE;
    /* "Chile's" (the marker a token of its own) or "its" */
    int marker = (x->tok.items[i - 1].flags & RN_TOK_POSS) != 0;
    uint32_t om = marker ? (i >= 2 ? mention_at(x, i - 2) : XNONE)
                         : x_poss_of(x, i - 1) ? mention_at(x, i - 1) : XNONE;
    return om != XNONE && x->m[om].kind == MK_ACTOR ? x->m[om].ent : XNONE;
}

/* The speaker of a sentence: "X said (that) ...", "..., X said", "..., said
   X", "X concluded that ...", else "according to X". */
static uint32_t speaker(struct rn_extractor *x, size_t avoid_a, size_t avoid_b)
{
    for (size_t i = 0; i < x->tok.len; i++) {
        uint32_t owner = claim_owner(x, i);
        if (owner != XNONE)
            return owner;
        /* "concluded that ..." reports a finding (not "the summit, which
           concluded on Tuesday") */
        int finding = !x_cue(x, i, RN_CUE_SPEECH);
        if ((finding && !(x_cue(x, i, RN_CUE_FINDING) && x_is(x, i + 1, "that"))) ||
            (i >= avoid_a && i < avoid_b))
            continue;
        struct vgroup g;
        verb_group(x, i, 0, &g);
        if (g.pol == RN_POL_NEGATED)
            continue; /* "X did not say ...": X asserts nothing */
        struct side s;
        subject_of(x, g.start, &s);
        /* a court's findings are verdicts */
        if (s.n && finding && judicial(x, s.ents[0]))
            continue;
        if (s.n)
            return s.ents[0];
        uint32_t mi = mention_at(x, skip_right(x, i + 1));
        if (mi != XNONE && x->m[mi].kind == MK_ACTOR)
            return x->m[mi].ent;
    }
    return named_source(x);
}

/* ---- emission ------------------------------------------------------------------------ */

struct emitted {
    const char *rel;
    uint32_t s, t;
    enum rn_polarity pol;
};

struct relctx {
    struct emitted done[256];
    size_t ndone;
};

static int emit(struct rn_extractor *x, struct relctx *c, const char *rel, uint32_t s, uint32_t t,
                enum rn_polarity pol, double conf)
{
    if (s == XNONE || t == XNONE || s == t)
        return RN_OK;
    for (size_t i = 0; i < c->ndone; i++)
        if (c->done[i].rel == rel && c->done[i].s == s && c->done[i].t == t)
            return RN_OK;
    if (c->ndone < 256)
        c->done[c->ndone++] = (struct emitted){ rel, s, t, pol };
    struct xrel r = { rel, s, t, pol, conf };
    return x_emit(x, &r);
}

static int emit_all(struct rn_extractor *x, struct relctx *c, const char *rel,
                    const struct side *src, const struct side *tgt, enum rn_polarity pol,
                    double conf)
{
    if (src->resolved || tgt->resolved)
        conf -= 0.2;
    /* a document as source acts for its signer (x_emit) */
    for (size_t i = 0; i < src->n; i++) {
        for (size_t k = 0; k < tgt->n; k++) {
            int rc = emit(x, c, rel, src->ents[i], tgt->ents[k], pol, conf);
            if (rc != RN_OK)
                return rc;
        }
    }
    return RN_OK;
}

/* Is a document of family fam (string id or XNONE) one of families
   ("statement|agreement")? Documents of no known family, or of the
   refer-back family "any", fit every list. */
static int family_fits(const struct rn_extractor *x, const char *families, uint32_t fam)
{
    const char *f = x_name(x, fam);
    if (!f || strcmp(f, "any") == 0)
        return 1;
    size_t n = strlen(f);
    for (const char *p = families; *p;) {
        size_t k = strcspn(p, "|");
        if (k == n && memcmp(p, f, n) == 0)
            return 1;
        p += k;
        if (*p == '|')
            p++;
    }
    return 0;
}

/* Does a list member end at q: a comma, "and", "or", a preposition or
   the sentence's end? */
static int member_ends(struct rn_extractor *x, size_t q)
{
    return q >= x->tok.len || x_is_punct(x, q, ',') || x_is_punct(x, q, '.') ||
           x_is_punct(x, q, ';') || x_is_coord(x, q) || x_is_prep(x, q);
}

/* "anti-government and social media sites": a description that ends in a
   modifier (a hyphenated compound, or a word WordNet has only as an
   adjective) before "and|or" shares the next phrase's head noun: the two
   are one description. */
static void shared_head(struct rn_extractor *x, struct side *t)
{
    size_t last = t->desc_b - 1, q = t->desc_b;
    int modifier = (x_flags(x, last) & RN_TOK_HYPHEN) ||
                   (x_pos(x, last) && !(x_pos(x, last) & RN_WP_NOUN) && (x_pos(x, last) & RN_WP_ADJ));
    if (!modifier || !x_is_coord(x, q))
        return;
    size_t a = ++q;
    while (q < x->tok.len && q - a < 4 && x_is_lower(x, q) && mention_at(x, q) == XNONE && !np_boundary(x, q, a))
        q++;
    if (q > a && member_ends(x, q) && (x_pos(x, q - 1) & RN_WP_NOUN))
        t->desc_b = q;
}

/* "banned guns, knives and fireworks": the descriptive phrases listed
   after the first one (ending at k) are targets too, one each. A member
   is a short lowercase phrase that opens with a noun or adjective and ends
   where a list member ends ("guns and said ..." lists nothing). */
static void desc_members(struct rn_extractor *x, size_t k, struct side *t)
{
    for (int n = 0; n < 12; n++) {
        size_t q = k;
        if (x_is_punct(x, q, ','))
            q++;
        if (x_is_coord(x, q))
            q++;
        if (q == k)
            return;
        while (q < x->tok.len && x_is_det(x, q) && mention_at(x, q) == XNONE)
            q++;
        size_t a = q;
        while (q < x->tok.len && q - a < 4 && x_is_lower(x, q) && mention_at(x, q) == XNONE &&
               !np_boundary(x, q, a))
            q++;
        if (q == a || !member_ends(x, q) || x_is_time_word(x, a) ||
            (x_have_pos(x) && !(x_pos(x, a) & (RN_WP_NOUN | RN_WP_ADJ))))
            return;
        if (x_span_text(x, a, q, &x->tmp) != RN_OK)
            return;
        side_add(t, x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_UNKNOWN, XNONE));
        k = q;
    }
}

/* "sanctioned individuals and companies in Kenya", "companies from Peru":
   people or firms located in a state, a plural phrase (two joined by
   and/or at most) before "in|from <state>", are a group of that state,
   whatever the trigger takes. Adds it to t and returns 1, else 0. */
static int located_group(struct rn_extractor *x, struct side *t)
{
    size_t e = t->desc_b;
    if (t->quant || !x_ends_with(x, e - 1, "s"))
        return 0;
    if (x_is_coord(x, e) && x_is_lower(x, e + 1) && mention_at(x, e + 1) == XNONE &&
        x_ends_with(x, e + 1, "s") && (x_pos(x, e + 1) & RN_WP_NOUN))
        e += 2;
    if (!x_is(x, e, "in") && !x_is(x, e, "from"))
        return 0;
    size_t q = e + 1 + x_is(x, e + 1, "the");
    uint32_t qm = mention_at(x, q);
    if (qm == XNONE || x->m[qm].kind != MK_ACTOR || x->ents[x->m[qm].ent].type != RN_ETYPE_COUNTRY ||
        (x_flags(x, x->m[qm].b) & RN_TOK_POSS))
        return 0;
    if (x_span_text(x, t->desc_a, x->m[qm].b, &x->tmp) != RN_OK)
        return 0;
    side_add(t, x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_GROUP, x->ents[x->m[qm].ent].name));
    t->end = x->m[qm].b;
    return t->n > 0;
}

/* A document trigger with no named target: the documents the description
   [desc_a, desc_b) names by their head nouns ("signed a new trade
   agreement"), and a second one joined by "and". */
static void described_documents(struct rn_extractor *x, const struct rn_trigger *tr, struct side *t)
{
    size_t head = XNONE;
    for (size_t i = t->desc_a; i < t->desc_b; i++)
        if (x_cue(x, i, RN_CUE_DOCHEAD))
            head = i;
    if (head == XNONE)
        return;
    size_t end = t->desc_b == head + 1 ? x_doc_extend(x, head) : t->desc_b;
    side_add(t, x_doc_entity(x, t->desc_a, end, head, t->definite && end == head + 1));
    /* "both a proposal for X and a revised plan on Y" */
    if (x_is(x, end, "and") && x_is_det(x, end + 1)) {
        size_t a2 = end + 2, h2 = XNONE;
        for (size_t k2 = a2; k2 < x->tok.len && k2 - a2 < 5 && x_is_word(x, k2); k2++) {
            if (x_cue(x, k2, RN_CUE_DOCHEAD)) {
                h2 = k2;
                break;
            }
            if (x_is_prep(x, k2) || x_is_conj(x, k2) || x_is_aux(x, k2))
                break;
        }
        if (h2 != XNONE)
            side_add(t, x_doc_entity(x, a2, x_doc_extend(x, h2), h2, 0));
    }
    if (tr->families) {
        size_t q = 0;
        for (size_t i = 0; i < t->n; i++)
            if (family_fits(x, tr->families, x->ents[t->ents[i]].family))
                t->ents[q++] = t->ents[i];
        t->n = q;
    }
}

/* "proposed a buffer zone", "proposes new curbs on fishing": with no
   document named, what is proposed is the object's noun phrase, when it
   has a noun at its end and is no counted set ("proposed three options"
   names none) nor a bare definite noun ("proposed the idea"). */
static void proposed_phrase(struct rn_extractor *x, struct side *t)
{
    size_t a = t->desc_a, b = t->desc_b;
    /* "proposed a ban on Y" is the ban itself, hedged, not a proposal */
    if (noun_trigger_at(x, b - 1, 0))
        return;
    /* "a cap on fees": the phrases a document's name would take */
    size_t end = x_doc_extend(x, b - 1);
    b = end > b ? end : b;
    if (t->quant || (t->definite && b - a < 2) ||
        (x_have_pos(x) && x_english(x, b - 1) && !(x_pos(x, b - 1) & RN_WP_NOUN)) ||
        x_span_text(x, a, b, &x->tmp) != RN_OK)
        return;
    side_add(t, x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_DOCUMENT, XNONE));
}

/* Keep only the named targets a trigger accepts. */
static void accepted_names(struct rn_extractor *x, const struct rn_trigger *tr, struct side *t)
{
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++) {
        struct ent *en = &x->ents[t->ents[i]];
        /* "signed the Christchurch Call": an unknown name that is signed or
           proposed is a document */
        if (tr->target == RN_TARGET_DOCUMENT && en->type == RN_ETYPE_UNKNOWN && en->lex == RN_LEX_NONE &&
            (t->the_name || (i == 0 && t->doc_appos)))
            en->type = RN_ETYPE_DOCUMENT;
        /* "announced a new AI Safety Institute": a body yet to be set up is
           proposed like a document */
        if (tr->target == RN_TARGET_DOCUMENT && i == 0 && t->indef_name && en->lex == RN_LEX_NONE &&
            (en->type == RN_ETYPE_UNKNOWN || en->type == RN_ETYPE_ORGANIZATION) &&
            !tr->families) {
            t->ents[k++] = t->ents[i];
            continue;
        }
        enum rn_etype ty = en->type;
        int ok = tr->target == RN_TARGET_DOCUMENT ? ty == RN_ETYPE_DOCUMENT
                                                  : ty != RN_ETYPE_DOCUMENT;
        if (ok && tr->families)
            ok = family_fits(x, tr->families, en->family);
        if (ok)
            t->ents[k++] = t->ents[i];
    }
    t->n = k;
}

/* Keep only the targets a trigger accepts; turn a descriptive phrase into
   a target when the trigger takes one. */
static void filter_targets(struct rn_extractor *x, const struct rn_trigger *tr, struct side *t)
{
    accepted_names(x, tr, t);
    /* "banned U.S. deportation flights": the flights */
    if (t->n == 1 && t->state_led_b && tr->target == RN_TARGET_ANY &&
        x_span_text(x, t->state_led_a, t->state_led_b, &x->tmp) == RN_OK) {
        t->ents[0] = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_UNKNOWN, XNONE);
        if (t->ents[0] == XNONE)
            t->n = 0;
        return;
    }
    /* "signed it": the pronoun means the latest document */
    if (!t->n && t->it && tr->target == RN_TARGET_DOCUMENT) {
        side_add(t, x_recent(x, XWANT_DOC, XNONE, XNONE));
        t->resolved = 1;
    }
    if (t->n || t->desc_b <= t->desc_a)
        return;
    if (tr->target == RN_TARGET_DOCUMENT) {
        described_documents(x, tr, t);
        if (!t->n && tr->phrase)
            proposed_phrase(x, t);
        return;
    }
    if (located_group(x, t))
        return;
    shared_head(x, t);
    /* "blocked a takeover bid": an effort thwarted (cues class effort:
       bid, merger, deal) is no ban on anyone */
    if (x_cue(x, t->desc_b - 1, RN_CUE_EFFORT))
        return;
    /* "banned certain": an adjective alone describes nothing */
    if (t->desc_b == t->desc_a + 1 && x_have_pos(x) && x_english(x, t->desc_a) &&
        !(x_pos(x, t->desc_a) & RN_WP_NOUN))
        return;
    /* "suspended imports of Chilean salmon": goods dealt in are a target
       also of a trigger that otherwise takes actors */
    if ((tr->target == RN_TARGET_ANY || t->dealt) && (!t->definite || t->desc_b - t->desc_a >= 2) &&
        !t->quant) {
        if (x_span_text(x, t->desc_a, t->desc_b, &x->tmp) != RN_OK)
            return;
        side_add(t, x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_UNKNOWN, XNONE));
        desc_members(x, t->desc_b, t);
    }
}

/* ---- counted sets and their members ------------------------------------------------- */

static void set_pending(struct rn_extractor *x, const char *rel, uint32_t other, int quant_src,
                        enum rn_polarity pol)
{
    if (other == XNONE)
        return;
    x->pending.active = 1;
    x->pending.sent_no = x->sent_no;
    x->pending.relation = rel;
    x->pending.other = other;
    x->pending.quant_is_source = quant_src;
    x->pending.polarity = pol;
}

/* How many sentences later "the list also names ..." may add to a set. */
#define PENDING_LIST_SENTS 3

/* "the list (also) names|includes|covers ...", "this ban also covers ...":
   returns the token after the verb, or 0. */
static size_t list_goes_on_verb(struct rn_extractor *x, size_t i, enum rn_polarity *pol)
{
    if (!(x_is(x, i, "the") || x_is(x, i, "this")) || i > 1)
        return 0;
    size_t k = i + 1;
    if (!x_cue(x, k, RN_CUE_LISTHEAD))
        return 0;
    k = skip_right(x, k + 1);
    /* "the ban does not cover Y": Y is left out */
    int negated = 0;
    if (x_is_aux(x, k) && x_cue(x, k + 1, RN_CUE_NEG)) {
        negated = 1;
        k = skip_right(x, k + 2);
    }
    if (!list_verb(x, k))
        return 0;
    if (negated)
        *pol = RN_POL_NEGATED;
    return k + 1;
}

/* "They include A, B and C", "Among them are A and B", "A and B were not
   among them" (the next sentence), "The list also names C" (a few
   sentences on): members of the last counted set. */
/* "A and B were (not) among ...": when token b ends "[not] be" after
   names, the names into s ("not" makes *pol negated); 0 when it does not. */
static int members_before_be(struct rn_extractor *x, size_t b, struct side *s,
                             enum rn_polarity *pol)
{
    enum rn_polarity p = *pol;
    if (x_cue(x, b, RN_CUE_NEG) && b > 0) {
        p = RN_POL_NEGATED;
        b--;
    }
    if (!x_is_be(x, b) || b == 0)
        return 0;
    *pol = p;
    collect_left(x, b - 1, s);
    return 1;
}

/* The members a counted set's later sentence names at token i, into m:
   "The list also names A, B and C" (*ll: where the list starts), and in
   the next sentence only (next), "A, B and C among them", "among them
   are A and B", "They include A and B", "They are A, B and C". 0 when
   none is named here. */
static int members_named_at(struct rn_extractor *x, size_t i, int next, struct side *m,
                            enum rn_polarity *pol, size_t *ll)
{
    *ll = list_goes_on_verb(x, i, pol);
    if (*ll) {
        collect_right(x, *ll, m);
        return 1;
    }
    if (!next)
        return 0;
    if (x_is(x, i, "among") && (x_is(x, i + 1, "them") || x_is(x, i + 1, "those"))) {
        size_t k = i + 2;
        if (k < x->tok.len && x_is_be(x, skip_right(x, k)))
            collect_right(x, skip_right(x, k) + 1, m);
        else if (i > 0 && !members_before_be(x, i - 1, m, pol) && mention_at(x, i - 1) != XNONE)
            collect_left(x, i - 1, m);
        return 1;
    }
    if (!((list_verb(x, i) ||
           /* "They are A, B and C": a name must follow the verb */
           (x_is_be(x, i) && mention_at(x, skip_right(x, i + 1)) != XNONE &&
            x->m[mention_at(x, skip_right(x, i + 1))].kind == MK_ACTOR)) &&
          i > 0 && (x_is(x, i - 1, "they") || x_is(x, i - 1, "these") || x_is(x, i - 1, "this") ||
                    x_is(x, i - 1, "which"))))
        return 0;
    /* every named state after "include" */
    for (size_t k = i + 1; k < x->tok.len; k++) {
        uint32_t mi = mention_at(x, k);
        if (mi != XNONE && x->m[mi].kind == MK_ACTOR) {
            side_add(m, x->m[mi].ent);
            k = x->m[mi].b - 1;
        }
    }
    return 1;
}

/* The set's relation between its named side and the members m; with a
   list that goes on ("The list also names C"), everyone who imposed the
   set's ban since acts too ("India banned 59 apps ... The ministry
   announced the ban"). */
static int emit_pending(struct rn_extractor *x, struct relctx *c, const struct side *m, size_t ll,
                        enum rn_polarity pol)
{
    const struct xpending *p = &x->pending;
    struct side others;
    side_init(&others);
    side_add(&others, p->other);
    if (ll && !p->quant_is_source) {
        size_t nh = x->nhist < XHIST ? x->nhist : XHIST;
        for (size_t k = 0; k < nh; k++) {
            const struct xhist *h = &x->hist[(x->nhist - 1 - k) % XHIST];
            if (h->sent_no < p->sent_no)
                break;
            if (strcmp(h->relation, p->relation) == 0)
                side_add(&others, h->source);
        }
    }
    for (size_t o = 0; o < others.n; o++)
        for (size_t k = 0; k < m->n; k++) {
            int rc = p->quant_is_source ? emit(x, c, p->relation, m->ents[k], others.ents[o], pol, 0.7)
                                        : emit(x, c, p->relation, others.ents[o], m->ents[k], pol, 0.7);
            if (rc != RN_OK)
                return rc;
        }
    return RN_OK;
}

static int pending_members(struct rn_extractor *x, struct relctx *c, size_t from)
{
    struct xpending *p = &x->pending;
    if (!p->active || x->sent_no > p->sent_no + PENDING_LIST_SENTS)
        return RN_OK;
    int next = x->sent_no <= p->sent_no + 1;
    for (size_t i = from; i < x->tok.len; i++) {
        struct side m;
        side_init(&m);
        enum rn_polarity pol = p->polarity;
        size_t ll;
        if (!members_named_at(x, i, next, &m, &pol, &ll))
            continue;
        int rc = emit_pending(x, c, &m, ll, pol);
        if (rc != RN_OK)
            return rc;
        if (m.n)
            return RN_OK;
    }
    return RN_OK;
}

/* ---- frames ------------------------------------------------------------------------------ */

/* Where the words before a nominal trigger at t start: adjectives, quotes,
   the premodifying target ("the WeChat ban"); a hedging adjective ("the
   proposed ban") makes *pol hedged. */
static size_t noun_modifiers_start(struct rn_extractor *x, size_t t, uint32_t premod_tgt,
                                   enum rn_polarity *pol)
{
    size_t j = t;
    while (j > 0) {
        size_t k = j - 1;
        uint32_t mi = mention_at(x, k);
        if (mi != XNONE && x->m[mi].ent == premod_tgt && premod_tgt != XNONE) {
            j = x->m[mi].a;
            continue;
        }
        if (x_cue(x, k, RN_CUE_HEDGE_ADJ)) {
            set_pol(pol, RN_POL_HEDGED);
            j = k;
            continue;
        }
        if (is_quote(x, k) ||
            (x_is_word(x, k) && mention_at(x, k) == XNONE && !(x->tok.items[k].flags & RN_TOK_CAP) &&
             !x_is_det(x, k) && !x_is_prep(x, k) && !x_is_aux(x, k) && !x_is_conj(x, k) &&
             !x_is_wh(x, k) && !x_cue(x, k, RN_CUE_LIGHT) && !x_cue(x, k, RN_CUE_CANCEL) &&
             !x_cue(x, k, RN_CUE_STAY) && t - k <= 3)) {
            j = k;
            continue;
        }
        break;
    }
    return j;
}

/* the owner before the words at j: "Kenya's ban", "its ban", "the UK ban",
   "the Australian ban"; where its phrase starts (j when there is none) */
static size_t owner_before_noun(struct rn_extractor *x, size_t j, struct side *owner)
{
    size_t owner_start = j;
    side_init(owner);
    if (j >= 2 && (x->tok.items[j - 1].flags & RN_TOK_POSS)) {
        collect_left(x, j - 2, owner);
        uint32_t mi = mention_at(x, j - 2);
        if (mi != XNONE)
            owner_start = x->m[mi].a;
    } else if (j > 0 && mention_at(x, j - 1) != XNONE) {
        const struct mention *m = &x->m[mention_at(x, j - 1)];
        if (m->kind == MK_MOD && m->state != XNONE)
            side_add(owner, m->state);
        else if (m->kind == MK_ACTOR && x->ents[m->ent].type != RN_ETYPE_DOCUMENT)
            collect_left(x, j - 1, owner);
        if (owner->n)
            owner_start = m->a;
    }
    return owner_start;
}

/* The verb governing a noun phrase: "imposed a ban", "lifted the ban",
   "stayed a ban". */
struct governor {
    size_t verb;  /* its token (cancelling or light verbs) */
    int denial;   /* it cancels by denying ("denied the accusations") */
    int stayed;   /* it stays the noun: hedged */
    int light;    /* a light verb: "imposed", "announced", "proposed" */
};

/* The verb before the phrase starting at owner_start (past determiners,
   adverbs and a time: "announced on Monday a ban"): 1 when it cancels the
   noun, else what it is in *gv; a stay or a light verb's own polarity
   ("proposed a ban on X") joins *pol. */
static int governing_verb(struct rn_extractor *x, size_t owner_start, enum rn_polarity *pol,
                          struct governor *gv)
{
    memset(gv, 0, sizeof *gv);
    size_t v = owner_start;
    while (v > 0 && (x_is_det(x, v - 1) || x_is_adverb(x, v - 1)) && mention_at(x, v - 1) == XNONE)
        v--;
    if (v == 0)
        return 0;
    size_t g = skip_time_left(x, v - 1);
    struct rn_cue_match cm;
    int cancel_len = x_cue_ending(x, g, RN_CUE_CANCEL, &cm); /* "lifted", "struck down" */
    if (cancel_len) {
        g -= (size_t)cancel_len - 1;
        gv->verb = g;
        gv->denial = strcmp(cm.value, "denial") == 0;
        return 1;
    }
    if (x_cue(x, g, RN_CUE_STAY)) {
        gv->stayed = 1;
        set_pol(pol, RN_POL_HEDGED);
    } else if ((gv->light = x_cue_ending(x, g, RN_CUE_LIGHT, &cm)) != 0) {
        /* "imposed a ban", "called for a ban" */
        gv->verb = g + 1 - (size_t)gv->light;
        gv->light = 1;
        enum rn_polarity lp;
        if (cm.value[0] && rn_polarity_parse(cm.value, &lp) == RN_OK)
            set_pol(pol, lp);
    }
    return 0;
}

/* "a ban on Y by X", "a ban on Y in X", "a ban on Y through two orders by
   X", "the blocking of access to Y websites by X": the agent or place
   after the target, into s; 1 when it names one. Under a light verb
   (light_governs) "from" names the goods' origin, not the ban's source
   ("imposed a ban on poultry from Brazil"). */
static int agent_after_target(struct rn_extractor *x, size_t tgt_end, int light_governs, struct side *s)
{
    size_t a = skip_right(x, tgt_end);
    if (x_is(x, after_head_noun(x, a), "by"))
        a = after_head_noun(x, a);
    if (x_is(x, a, "through") || x_is(x, a, "via") || x_is(x, a, "under")) {
        size_t q = a + 1;
        while (q < x->tok.len && q - a < 6 && x_is_word(x, q) && !x_is(x, q, "by"))
            q++;
        if (x_is(x, q, "by"))
            a = q;
    }
    int origin = x_is(x, a, "from") && light_governs;
    if (origin || !(x_is(x, a, "by") || x_is(x, a, "in") || x_is(x, a, "across") || x_is(x, a, "from")))
        return 0;
    struct side by;
    int is_by = x_is(x, a, "by");
    collect_right(x, a + 1, &by);
    for (size_t i = 0; i < by.n; i++) {
        enum rn_etype ty = x->ents[by.ents[i]].type;
        if (is_by ? ty != RN_ETYPE_DOCUMENT : ty == RN_ETYPE_COUNTRY)
            side_add(s, by.ents[i]);
    }
    if (!is_by && !s->n) {
        uint32_t mi = mention_at(x, skip_right(x, a + 1));
        if (mi == XNONE && x_is(x, a + 1, "the"))
            mi = mention_at(x, a + 2);
        if (mi != XNONE && x->m[mi].state != XNONE)
            side_add(s, x->m[mi].state);
    }
    return s->n != 0;
}

/* Where a nominal trigger at t gets its source: its owner, the agent or
   place after its target, the subject of the light verb governing it.
   *pol may be made hedged or *skip set (the trigger is cancelled: "lifted
   the ban"; 2: "Chile denied Peru's accusations": the denier is accused,
   the owner in s, the verb in *denied). */
static void nominal_source(struct rn_extractor *x, size_t t, size_t tgt_end, uint32_t premod_tgt,
                           struct side *s, enum rn_polarity *pol, int *skip, size_t *denied)
{
    side_init(s);
    *skip = 0;
    size_t j = noun_modifiers_start(x, t, premod_tgt, pol);
    struct side owner;
    size_t owner_start = owner_before_noun(x, j, &owner);
    struct governor gv;
    if (governing_verb(x, owner_start, pol, &gv)) {
        *skip = 1;
        if (gv.denial && owner.n && denied) {
            *skip = 2;
            *s = owner;
            *denied = gv.verb;
        }
        return;
    }
    if (owner.n) {
        *s = owner;
        return;
    }
    if (agent_after_target(x, tgt_end, gv.light && !gv.stayed, s))
        return;
    if (gv.light && !gv.stayed) {
        struct vgroup g;
        verb_group(x, gv.verb, 0, &g);
        set_pol(pol, g.pol);
        subject_of(x, g.start, s);
    }
}

static int used_as_noun(struct rn_extractor *x, size_t t);
/* A ban without agent or place ("WhatsApp is blocked") is the state the
   text is about, when it names just one; naming none, it is whoever issued
   the article's decree (an executive decree's bans are its issuer's). */
static void agentless_source(struct rn_extractor *x, struct side *src)
{
    side_add(src, x_topic_state(x));
    if (!src->n)
        side_add(src, x_decree_owner(x));
}

/* "the Senate passed a bill banning Y": is the phrase before the
   participle at t a document not yet in force (cues class pending) that
   src has not signed? Such a bill bans only once signed into law. (A
   document as src acts for its owner, with the owner's polarity.) */
static int pending_before(struct rn_extractor *x, size_t t, uint32_t src)
{
    size_t l = mention_at(x, t - 1) == XNONE ? skip_time_left(x, t - 1) : t - 1;
    uint32_t lm = mention_at(x, l), d = XNONE;
    if (lm == XNONE) /* "approved legislation banning Y": the latest signing decides */
        return x_cue(x, l, RN_CUE_PENDING) && x_hist_source(x, RN_REL_SIGNS, XNONE) != src;
    if (x->m[lm].kind == MK_DOC)
        d = x->m[lm].ent;
    return d != XNONE && d != src && x->ents[d].pending && x_hist_source(x, RN_REL_SIGNS, d) != src;
}

/* Does "from" at q open a place where goods are offered (cues class
   `market`: "from its App Store", "from sale", "from store shelves")? */
static int market_after(struct rn_extractor *x, size_t q)
{
    if (!x_is(x, q, "from"))
        return 0;
    for (size_t k = q + 1; k < x->tok.len && k - q <= 5; k++) {
        if (x_cue(x, k, RN_CUE_MARKET))
            return 1;
        if (!x_is_word(x, k) || x_is_prep(x, k) || x_is_conj(x, k) || x_is_aux(x, k))
            return 0;
    }
    return 0;
}


/* Is the trigger [t, tend) a past participle ("banned", "signed into",
   "stolen"), so that a "be" before it makes it passive? */
static int trigger_participle(struct rn_extractor *x, size_t t, size_t tend)
{
    if (x_ends_with(x, t, "ing"))
        return 0;
    return x_ends_with(x, t + (tend - t) - 1, "ed") || x_ends_with(x, t, "ed") ||
           x_in_class(x, t, RN_WORD_PART);
}

/* A wrongdoing noun (cues class wrong) among the n words from a, before
   any punctuation. */
static int wrong_within(struct rn_extractor *x, size_t a, size_t n)
{
    for (size_t q = a; q < x->tok.len && q - a < n && x_is_word(x, q); q++)
        if (x_cue(x, q, RN_CUE_WRONG))
            return 1;
    return 0;
}

/* "for the attack", "for its alleged role in the hacking": "for" at e and,
   within a short phrase, a wrongdoing noun. */
static int wrong_after(struct rn_extractor *x, size_t e)
{
    return x_is(x, e, "for") && wrong_within(x, e + 1, 5);
}

/* "the attack on the grid was carried out by Y": a wrongdoing noun in the
   few words before the verb group starting at g. */
static int wrong_before(struct rn_extractor *x, size_t g)
{
    size_t a = g;
    while (a > 0 && g - a < 6 && x_is_word(x, a - 1))
        a--;
    return wrong_within(x, a, g - a);
}

/* Frame "reported": "X said Y had hacked the grid", "Y tampered with
   samples, X concluded": whoever a speaker says did a wrong is accused by
   the speaker. A wrong denied ("had not hacked") accuses no one; one that
   may have happened is a hedged accusation. Without a speaker the narrator
   reports a fact, which accuses no one. */
static size_t agent_len(struct rn_extractor *x, size_t i);
static int do_reported(struct rn_extractor *x, struct relctx *c, const struct rn_trigger *tr,
                       size_t t, size_t tend)
{
    /* "committed to the pact": a promise, not a wrong; "the Sony hack",
       "trade violations": a noun, not what someone did */
    if (x_is(x, tend, "to") || used_as_noun(x, t))
        return RN_OK;
    struct vgroup g;
    verb_group(x, t, trigger_participle(x, t, tend), &g);
    if (g.pol == RN_POL_NEGATED)
        return RN_OK;
    /* "carried out the attack" is a wrong, "carried out reforms" is not */
    if ((tr->frame & RN_FRAME_WRONG_OBJ) &&
        !(g.passive ? wrong_before(x, g.start) : wrong_within(x, tend, 5)))
        return RN_OK;
    struct side src, tgt;
    /* "the grid was hacked by Kelpex and Zentara": the agents did it; "the
       rights are being abused": no doer named */
    size_t alen = g.passive ? agent_len(x, tend) : 0;
    if (g.passive && !alen)
        return RN_OK;
    if (alen)
        collect_right(x, tend + alen, &tgt);
    else
        subject_of(x, g.start, &tgt);
    filter_targets(x, tr, &tgt);
    if (!tgt.n)
        return RN_OK;
    side_init(&src);
    side_add(&src, speaker(x, t, tend));
    if (src.ents[0] == XNONE)
        return RN_OK;
    enum rn_polarity pol = tr->polarity;
    set_pol(&pol, g.pol);
    return emit_all(x, c, tr->relation, &src, &tgt, pol, 0.6);
}

/* "a lifetime ban.", "a four-year ban for doping": a determiner's phrase
   ending at k before t, with no object after t (not "the regulators ban
   apps") */
static int determiner_phrase_noun(struct rn_extractor *x, size_t k, size_t t)
{
    size_t d = k;
    while (d > 0 && k - d < 3 && x_is_word(x, d) && mention_at(x, d) == XNONE &&
           (!x_is_closed(x, d) || x_in_class(x, d, RN_WORD_NUM)) && !x_is_plural_noun(x, d))
        d--;
    return d < k && x_is_det(x, d) && (t + 1 >= x->tok.len || !x_is_word(x, t + 1) || x_is_prep(x, t + 1));
}

/* Is token t used as a noun here? */
static int used_as_noun(struct rn_extractor *x, size_t t)
{
    if (x_ends_with(x, t, "tion") || x_ends_with(x, t, "tions") || x_ends_with(x, t, "ment") ||
        x_ends_with(x, t, "ments") || x_ends_with(x, t, "ory") || x_ends_with(x, t, "ories") ||
        x_ends_with(x, t, "al") || x_ends_with(x, t, "als"))
        return 1;
    if (t == 0)
        return 0;
    size_t k = t - 1;
    if (x->tok.items[t].flags & RN_TOK_HYPHEN)
        return 0;
    /* "those that signed", "among those signing": a relative or participle */
    if ((x_is(x, k, "that") || x_is(x, k, "those")) &&
        (x_ends_with(x, t, "ed") || x_ends_with(x, t, "ing")))
        return 0;
    /* "a law that bans X" (not "that ban on X"): a verb with its object */
    if (x_is_wh(x, k) && (x_pos(x, t) & RN_WP_VERB) &&
        (mention_at(x, t + 1) != XNONE || x_is_det(x, t + 1)))
        return 0;
    /* "traded blame": the object of a verb of exchange (not "the Ministry
       of Trade accused"); "the proposed ban" (not "proposed banning Y") */
    if (x_is_det(x, k) || (x->tok.items[k].flags & RN_TOK_POSS) ||
        (x_cue(x, k, RN_CUE_HEDGE_ADJ) && !x_ends_with(x, t, "ing")) ||
        (x_cue(x, k, RN_CUE_MUTUAL) && mention_at(x, k) == XNONE))
        return 1;
    if (x_ends_with(x, t, "ed") || x_ends_with(x, t, "ing"))
        return x_is_det(x, k) && x_ends_with(x, t, "ing");
    /* "filed charges of fraud", "levelled accusations": a light verb's
       bare object; "Kelpex faces ban in Norway": a headline's noun
       undergone */
    if (x_cue(x, k, RN_CUE_LIGHT) || x_cue(x, k, RN_CUE_UNDERGO))
        return 1;
    if (determiner_phrase_noun(x, k, t))
        return 1;
    uint32_t mi = mention_at(x, k);
    if (mi != XNONE) {
        /* "UK ban on Huawei", "the TikTok ban": a name before a bare noun;
           but "Ten nations put their names to", "Peru ban the app": a
           determiner after it makes it a verb */
        if (x->m[mi].kind == MK_QUANT || x_is_det(x, t + 1))
            return 0;
        /* "Norway's Quillchat ban takes effect", "the UK Huawei ban": a
           name owned, or after a determiner or another name, before a bare
           singular (a singular subject takes "bans"; not "the US and the UK
           ban Y", a list) */
        size_t ma = x->m[mi].a;
        if (ma > 0 && !x_ends_with(x, t, "s") &&
            ((x_flags(x, ma - 1) & RN_TOK_POSS) ||
             (((x_is_det(x, ma - 1) && !(ma > 1 && x_is_conj(x, ma - 2))) ||
               mention_at(x, ma - 1) != XNONE) &&
              !(x->m[mi].ent != XNONE && x->ents[x->m[mi].ent].plural))))
            return 1;
        /* "Chile and Peru prohibit use of X", "Chile and Peru ban Huawei":
           an object follows a verb */
        if (t + 1 < x->tok.len && x_is_word(x, t + 1) && !x_is_prep(x, t + 1) &&
            !x_is_aux(x, t + 1) && !x_is_conj(x, t + 1) && !x_is_wh(x, t + 1) &&
            (mention_at(x, t + 1) != XNONE || !(x->tok.items[t + 1].flags & RN_TOK_CAP)) &&
            !x_is_adverb(x, t + 1) && !x_cue(x, t + 1, RN_CUE_SPEECH))
            return 0;
        return !x_ends_with(x, t, "s") || x_is(x, t + 1, "on") || x_is(x, t + 1, "against");
    }
    /* "temporary ban on", "wanton accusations against" */
    if (x_is_word(x, k) && !x_is_aux(x, k) && !x_is(x, k, "to") && !x_cue(x, k, RN_CUE_NEG) &&
        !x_is_adverb(x, k) && !x_is_wh(x, k) && !x_is_conj(x, k) &&
        (x_is(x, t + 1, "on") || x_is(x, t + 1, "against")))
        return 1;
    return 0;
}

/* The "from" of "bar X from buying Y" at e, also after a place ("users in
   China from seeing Y") when the object named no one; 0 when there is none. */
static size_t from_ing(struct rn_extractor *x, size_t e, size_t named)
{
    if (!named && x_is(x, e, "in")) {
        size_t q = e + 1;
        while (q < x->tok.len && q - e < 5 && !x_is(x, q, "from") && x_is_word(x, q))
            q++;
        e = q;
    }
    return x_is(x, e, "from") && x_ends_with(x, e + 1, "ing") ? e : 0;
}

/* The targets of the relations of kind rel emitted in the latest sentence
   (this or the previous one) that had any. */
static void hist_targets(struct rn_extractor *x, const char *rel, struct side *t)
{
    size_t n = x->nhist < XHIST ? x->nhist : XHIST, sent = 0;
    for (size_t k = 0; k < n; k++) {
        const struct xhist *h = &x->hist[(x->nhist - 1 - k) % XHIST];
        if (strcmp(h->relation, rel) != 0)
            continue;
        if (!sent)
            sent = h->sent_no;
        if (h->sent_no != sent || sent + 1 < x->sent_no)
            break;
        side_add(t, h->target);
    }
}

/* "access to", "transactions with", "dealings with", "business with",
   "purchases from": a noun at i whose object at p is what a ban is on. */
/* Is word i one of the comma-separated words in list? */
static int word_in_list(const struct rn_extractor *x, size_t i, const char *list)
{
    if (!x_is_word(x, i))
        return 0;
    const char *w = rn_token_norm(&x->tok, i);
    size_t n = x->tok.items[i].norm_len;
    for (const char *p = list; *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && memcmp(p, w, n) == 0)
            return 1;
        p += k + (p[k] == ',');
    }
    return 0;
}

/* "blocked access to X", "prohibited the purchase of X", "banned dealings
   with X": a noun of dealing (cues class deal) followed by one of the
   prepositions its value lists; what is reached or dealt with is the target. */
static int dealings(struct rn_extractor *x, size_t i, size_t p)
{
    struct rn_cue_match cm;
    return x_cue_len(x, i, RN_CUE_DEAL, &cm) == 1 && word_in_list(x, p, cm.value);
}

/* "blocked access to Instagram", "banned the import and sale of Y",
   "covers all imports of cheese": when a side found no name, only a noun
   of dealing (or two joined by and/or), what is dealt with is the side:
   collected after the noun's preposition. Returns 1 when it did. */
static int dealt_with(struct rn_extractor *x, struct side *s)
{
    if (s->n || s->desc_b != s->desc_a + 1)
        return 0;
    size_t noun = s->desc_a, p = s->desc_b;
    struct rn_cue_match cm;
    /* "the import and sale of": the last noun's preposition decides */
    while (x_is_coord(x, p) && x_cue_len(x, p + 1, RN_CUE_DEAL, &cm) == 1 &&
           x_cue_len(x, noun, RN_CUE_DEAL, &cm) == 1) {
        noun = p + 1;
        p += 2;
    }
    if (!dealings(x, noun, p))
        return 0;
    collect_right(x, p + 1, s);
    s->dealt = 1;
    return 1;
}

/* The first prep at or after e, inside the object's phrase: "blamed the
   intrusion into the water utility on Y" reaches "on" over the object's own
   prepositional phrases; a clause boundary (punctuation, conjunction,
   relative word, auxiliary) stops the search. Returns 0 when none. */
static size_t prep_ahead(struct rn_extractor *x, size_t e, const char *prep)
{
    for (size_t q = e; q < x->tok.len && q - e < 12; q++) {
        if (x_is(x, q, prep))
            return q;
        if (!x_is_word(x, q) || x_is_wh(x, q) || x_is_aux(x, q) || x_is_conj(x, q))
            return 0;
    }
    return 0;
}

/* Does a participle at t follow "among those" or "among the <group>" ("Among
   the countries signing Y were A and B")? The group is a plural noun with at
   most one word before it. */
static int among_group(struct rn_extractor *x, size_t t)
{
    if (t >= 2 && x_is(x, t - 1, "those"))
        return x_is(x, t - 2, "among");
    if (t < 3 || !x_is_word(x, t - 1) || mention_at(x, t - 1) != XNONE || !x_ends_with(x, t - 1, "s"))
        return 0;
    for (size_t k = t - 2; k + 3 >= t && k > 0; k--)
        if (x_is(x, k, "the") || x_is(x, k, "those") || x_is(x, k, "these"))
            return x_is(x, k - 1, "among");
    return 0;
}

/* "ban equipment from Huawei and ZTE", "barred components made by ZTE",
   "ban the approval of new telecoms gear from Huawei": goods named by their
   makers, after a descriptive object ending at k. The makers that are
   companies go into y (a country after "from" is a place of origin, and
   "imports from China" is read by dealings()). */
static void goods_makers(struct rn_extractor *x, size_t k, struct side *y)
{
    side_init(y);
    for (size_t q = k; q < x->tok.len && q - k < 8; q++) {
        int by = x_is(x, q, "by") && q > 0 &&
                 (x_ends_with(x, q - 1, "ed") || (x_pos_irregular(x, q - 1) & RN_WP_VERB));
        if (x_is(x, q, "from") || by) {
            struct side m;
            collect_right(x, q + 1, &m);
            for (size_t i = 0; i < m.n; i++)
                if (x->ents[m.ents[i]].type == RN_ETYPE_COMPANY)
                    side_add(y, m.ents[i]);
            y->end = m.end;
            return;
        }
        if (!x_is_word(x, q) || mention_at(x, q) != XNONE || x_is_conj(x, q) || x_is_wh(x, q) ||
            x_is_aux(x, q) || (x_is_prep(x, q) && !x_is(x, q, "of") && !x_is(x, q, "by")) ||
            (x->tok.items[q].flags & RN_TOK_CAP))
            return;
    }
}

/* "Zentara, a firm (that)": the mention an apposition ending at p (a
   determiner and a few lowercase words after a comma) describes, or
   XNONE. */
static uint32_t apposition_owner(struct rn_extractor *x, size_t p)
{
    size_t q = p;
    while (q > 0 && p - q < 5 && x_is_word(x, q) && !x_is_cap(x, q) && mention_at(x, q) == XNONE &&
           !x_is_det(x, q))
        q--;
    if (!(x_is_det(x, q) && q >= 2 && x_is_punct(x, q - 1, ',')))
        return XNONE;
    return mention_at(x, q - 2);
}

/* "the Blue Ocean initiative (that|, which) Peru proposed", "Vantrix,
   which Latvia accused of spying": the name right before the subject of a
   verb with no object of its own is the object. v is the verb group's
   first token. */
static void relative_object(struct rn_extractor *x, size_t v, struct side *tgt)
{
    uint32_t sm = v > 0 ? mention_at(x, v - 1) : XNONE;
    if (sm == XNONE || x->m[sm].kind != MK_ACTOR || x->m[sm].a == 0)
        return;
    size_t p = x->m[sm].a - 1;
    /* "which the US accused" (but "that" is the relative word itself in
       "a firm that Chile accused") */
    if (x_in_class(x, p, RN_WORD_DEF) && !x_is_wh(x, p) && p > 0)
        p--;
    int wh = x_is_wh(x, p) && !x_is(x, p, "who") && p > 0;
    if (wh)
        p--;
    if (x_is_punct(x, p, ',') && p > 0)
        p--;
    uint32_t dm = mention_at(x, p);
    if (dm == XNONE && wh)
        dm = apposition_owner(x, p);
    /* an actor needs the relative word: "Vantrix, which Latvia accused" */
    if (dm != XNONE && (x->m[dm].kind == MK_DOC || (wh && x->m[dm].kind == MK_ACTOR)))
        side_add(tgt, x->m[dm].ent);
}

static int dealings(struct rn_extractor *x, size_t i, size_t p);

/* "by", or a phrase naming who had it done ("on the orders of", "at the
   request of": cues class agent): its length in tokens, 0 when none. */
static size_t agent_len(struct rn_extractor *x, size_t i)
{
    if (x_is(x, i, "by"))
        return 1;
    struct rn_cue_match cm;
    return (size_t)x_cue_len(x, i, RN_CUE_AGENT, &cm);
}

/* The agent a passive light verb names after a phrase: "the ban on Y was
   announced by X", "the ban, imposed by X on Monday, ...". k is the first
   token after the phrase. Fills agent (and the light verb's own polarity,
   "proposed by X" is hedged) and returns the first token after the agent's
   phrase, or k when there is none. */
static size_t light_agent(struct rn_extractor *x, size_t k, struct side *agent,
                          enum rn_polarity *pol)
{
    size_t n = x->tok.len, q = skip_right(x, k);
    side_init(agent);
    int aside = x_is_punct(x, q, ',');
    if (aside)
        q++;
    else if (x_is_be(x, q))
        while (q < n && (x_is_aux(x, q) || x_is_adverb(x, q)))
            q++;
    else
        return k;
    struct rn_cue_match cm;
    if (!x_cue_len(x, q, RN_CUE_LIGHT, &cm))
        return k;
    size_t p = q + cm.ntok;
    while (p < n && p - q < 10 && !x_is(x, p, "by")) {
        if (!x_is_word(x, p) || x_is_conj(x, p) || x_is_wh(x, p) || x_is_aux(x, p))
            return k;
        p++;
    }
    if (!x_is(x, p, "by"))
        return k;
    collect_right(x, p + 1, agent);
    if (!agent->n)
        return k;
    enum rn_polarity lp;
    if (cm.value[0] && rn_polarity_parse(cm.value, &lp) == RN_OK)
        set_pol(pol, lp);
    size_t e = skip_right(x, agent->end);
    if (aside) { /* the aside closes with a comma after a time or place */
        while (e < n && e - agent->end < 8 && x_is_word(x, e))
            e++;
        if (!x_is_punct(x, e, ','))
            return e;
        e++;
    }
    return e;
}

/* The members a list verb names after a clause's subject: "the ban (,
   imposed by X,) also covers A and B", "the apps banned by X include A and
   B". q is the first token after the subject's phrase; with be_lists, "are
   A and B" lists too. Returns whether members were found. */
static int listed_after(struct rn_extractor *x, size_t q, int be_lists, struct side *members,
                        enum rn_polarity *pol)
{
    side_init(members);
    q = skip_right(x, q);
    /* "the ban does not cover Y": Y is left out of it */
    int negated = pol && x_is_aux(x, q) && x_cue(x, q + 1, RN_CUE_NEG) && !be_lists;
    if (negated)
        q = skip_right(x, q + 2);
    /* "... by the ministry of home affairs include": the agent's own tail */
    if (x_is(x, q, "of"))
        for (size_t k = q + 1; k < x->tok.len && k - q < 6 && x_is_word(x, k); k++)
            if (list_verb(x, k) || (be_lists && x_is_be(x, k))) {
                q = k;
                break;
            }
    if (!list_verb(x, q) && !(be_lists && x_is_be(x, q)))
        return 0;
    q++;
    if (x_is_prep(x, q) && x_is(x, q, "to")) /* "extends to", "applies to" */
        q++;
    collect_right(x, q, members);
    /* "covers all imports of cheese, wine and olive oil": the goods */
    dealt_with(x, members);
    /* "were popular" lists nothing; a list verb may list descriptions */
    if (!members->n && (be_lists || members->desc_b <= members->desc_a)) {
        side_init(members);
        return 0;
    }
    if (negated)
        *pol = RN_POL_NEGATED;
    return 1;
}

/* "unveiled two new plans on Monday, the Lima Accord and the Andes Pact":
   a counted object whose members follow after a comma or colon (a time or
   a short phrase may come between); the members replace it. */
static void apposed_members(struct rn_extractor *x, struct side *tgt)
{
    if (tgt->n || tgt->desc_b <= tgt->desc_a || mention_at(x, tgt->desc_a) == XNONE ||
        x->m[mention_at(x, tgt->desc_a)].kind != MK_QUANT)
        return;
    size_t k = skip_right(x, tgt->end);
    for (size_t q = k; q < x->tok.len && q - k < 8 && !x_is_punct(x, q, ','); q++) {
        if (!x_is_word(x, q) || x_is_aux(x, q) || x_is_wh(x, q) || x_is_conj(x, q))
            break;
        k = q + 1;
    }
    if (!x_is_punct(x, k, ',') && !x_is_punct(x, k, ':'))
        return;
    struct side m;
    collect_right(x, k + 1, &m);
    if (m.n >= 2)
        *tgt = m;
}

/* A verb trigger being read: what the steps of do_verb share. */
struct verb_read {
    struct rn_extractor *x;
    struct relctx *c;
    const struct rn_trigger *tr;
    size_t t, tend;       /* the trigger's tokens [t, tend) */
    int participle;       /* "-ed" or a participle form, never "-ing" */
    struct vgroup g;
    enum rn_polarity pol;
    size_t after;         /* first token after the verb (and "on to" of documents) */
    int out_ok;           /* the particle or market an OUT or MARKET frame needs is there */
    size_t alen;          /* passive: the length of the "by" agent, 0 without one */
    int among;            /* "Among those signing X were A": the subject follows */
    size_t obj_end;       /* active: the first token after the object */
    struct side src, tgt;
    const char *fired;    /* the case that decided last, for a trace */
};

/* "signed and ratified the pact", "accused and later sanctioned Y": a
   second verb of the same form after "and" or "or" shares the object; the
   first token after it, else k */
static size_t shared_object_start(struct rn_extractor *x, size_t t, size_t k)
{
    if (!x_is_coord(x, k))
        return k;
    size_t q = k + 1;
    while (q < x->tok.len && x_is_adverb(x, q))
        q++;
    int same_form = (x_ends_with(x, t, "ed") || x_in_class(x, t, RN_WORD_PART))
                        ? x_ends_with(x, q, "ed") || x_in_class(x, q, RN_WORD_PART)
                        : x_ends_with(x, t, "s") && x_ends_with(x, q, "s");
    if (!x_is_lower(x, q) || !(x_pos(x, q) & RN_WP_VERB) || !same_form || mention_at(x, q) != XNONE)
        return k;
    return skip_right(x, q + 1);
}

/* "alleged in a court filing that Y had ...", "alleged in a statement
   that": a short prepositional phrase naming no actor before the clause;
   its "that", else k */
static size_t clause_after_phrase(struct rn_extractor *x, size_t k)
{
    if (!x_is_prep(x, k))
        return k;
    for (size_t q = k + 1; q < x->tok.len && q - k <= 6 && x_is_word(x, q); q++) {
        uint32_t mi = mention_at(x, q);
        if (mi != XNONE && x->m[mi].kind != MK_DOC)
            break;
        if (x_is(x, q, "that"))
            return q;
    }
    return k;
}

/* The verb group around the trigger, its polarity and where its arguments
   start. */
static void verb_read_init(struct verb_read *v, struct rn_extractor *x, struct relctx *c,
                           const struct rn_trigger *tr, size_t t, size_t tend)
{
    v->x = x;
    v->c = c;
    v->tr = tr;
    v->t = t;
    v->tend = tend;
    v->participle = trigger_participle(x, t, tend);
    verb_group(x, t, v->participle, &v->g);
    v->pol = tr->polarity;
    set_pol(&v->pol, v->g.pol);
    v->after = clause_after_phrase(x, shared_object_start(x, t, skip_right(x, tend)));
    /* "signed on to the pact", "signed onto it" */
    if (tr->target == RN_TARGET_DOCUMENT && x_is(x, v->after, "on") && x_is(x, v->after + 1, "to"))
        v->after += 2;
    else if (tr->target == RN_TARGET_DOCUMENT && x_is(x, v->after, "onto"))
        v->after++;
    v->out_ok = 0;
    v->alen = 0;
    v->among = 0;
    v->obj_end = 0;
    v->fired = NULL;
}

/* A document trigger whose object is a clause names no document. */
static int clause_object(const struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t after = v->after;
    /* "I propose that the dialogue find a way": a clause is proposed, no
       document ("signed that agreement" names one) */
    if (v->tr->target == RN_TARGET_DOCUMENT && x_is(x, after, "that") &&
        !x_cue(x, after + 1, RN_CUE_DOCHEAD))
        return 1;
    /* "announced this week it would join the pact": a clause with no
       "that" whose own verb is a trigger acts by itself ("announced it had
       reached a deal" still announces the deal) */
    uint32_t cm0 = mention_at(x, after);
    if (v->tr->target == RN_TARGET_DOCUMENT && cm0 != XNONE && x->m[cm0].kind == MK_ACTOR &&
        x_is_aux(x, skip_right(x, x->m[cm0].b))) {
        size_t cv = skip_right(x, x->m[cm0].b);
        while (cv < x->tok.len && (x_is_aux(x, cv) || x_is_adverb(x, cv)))
            cv++;
        const struct rn_trigger *ctr[2];
        uint32_t cnt[2];
        if (rn_lexicon_triggers(x->lex, x->wc, &x->tok, cv, x->tok.len, ctr, cnt, 2))
            return 1;
    }
    return 0;
}

/* "shut out Huawei", "kept out of": the particle belongs to the verb; an
   OUT or MARKET frame holds only with it (or a market after). */
static void verb_particle(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    if ((v->tr->frame & RN_FRAME_OUT) && x_is(x, v->after, "out")) {
        v->out_ok = 1;
        v->after = skip_right(x, v->after + 1 + x_is(x, v->after + 1, "of"));
    } else if ((v->tr->frame & RN_FRAME_OUT) && x_is(x, v->after, "from")) {
        v->out_ok = 1;
    } else if ((v->tr->frame & RN_FRAME_MARKET) && market_after(x, v->after)) {
        v->out_ok = 1; /* "was removed from the app store by Y" */
    }
}

/* A preposition opening the place a ban holds in: in, from, across,
   throughout, within. */
static int place_prep(struct rn_extractor *x, size_t k)
{
    return x_is(x, k, "in") || x_is(x, k, "from") || x_is(x, k, "across") ||
           x_is(x, k, "throughout") || x_is(x, k, "within");
}

/* A participle without an auxiliary may still be passive; its agent may
   come after a time or place. */
static void reduced_passive(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t t = v->t;
    /* a reduced passive: "the declaration, signed by ...", "apps banned by India" */
    if (!v->g.passive && v->participle && !v->g.perfect && agent_len(x, v->after) && v->g.start == t)
        v->g.passive = 1;
    /* "Quillchat banned in Norway", "... across Norway" (a headline): a
       participle with no object before the state it holds in */
    uint32_t pm = place_prep(x, v->after) ? mention_at(x, v->after + 1) : XNONE;
    if (!v->g.passive && v->participle && !v->g.perfect && v->g.start == t && t > 0 &&
        mention_at(x, t - 1) != XNONE && pm != XNONE && x->m[pm].kind == MK_ACTOR &&
        x->ents[x->m[pm].ent].type == RN_ETYPE_COUNTRY)
        v->g.passive = 1;
    /* "China's initiative, released in September, ...": documents are released */
    if (!v->g.passive && v->participle && v->g.start == t && t >= 2 && x_is_punct(x, t - 1, ',') &&
        mention_at(x, t - 2) != XNONE && x->m[mention_at(x, t - 2)].kind == MK_DOC)
        v->g.passive = 1;
    /* the agent may follow a time or place: "published on Monday by the UK" */
    if (v->g.passive && !agent_len(x, v->after)) {
        for (size_t q = v->after; q < x->tok.len && q - v->after < 12; q++) {
            if (agent_len(x, q)) {
                v->after = q;
                break;
            }
            if (!x_is_word(x, q) || x_is_conj(x, q) || x_is_wh(x, q) || x_is_aux(x, q))
                break;
        }
    }
}

/* Passive subjects (the targets), tried in order. */

/* "The declaration, signed by A and the EU, was published by B": the
   subject before the aside, else the name before the comma */
static int subject_before_aside(void *state)
{
    struct verb_read *v = state;
    struct rn_extractor *x = v->x;
    size_t s = v->g.start;
    uint32_t pm = s >= 2 ? mention_at(x, s - 2) : XNONE;
    if (!(s > 0 && x_is_punct(x, s - 1, ',') && pm != XNONE &&
          !(x->m[pm].a > 0 && x_is_prep(x, x->m[pm].a - 1))))
        return 0;
    subject_of(x, s, &v->tgt);
    filter_targets(x, v->tr, &v->tgt);
    if (!v->tgt.n)
        collect_left(x, s - 2, &v->tgt);
    return 1;
}

/* "Huawei and ZTE phones were banned": the names before a plain noun */
static int names_before_noun(void *state)
{
    struct verb_read *v = state;
    struct rn_extractor *x = v->x;
    size_t s = v->g.start;
    if (s < 2)
        return 0;
    size_t before = s - 1;
    if (!(mention_at(x, before) == XNONE && x_is_word(x, before) &&
          !(x->tok.items[before].flags & RN_TOK_CAP) && !x_is_prep(x, before) &&
          !x_is_conj(x, before) && !x_is_wh(x, before) && mention_at(x, before - 1) != XNONE &&
          x->m[mention_at(x, before - 1)].kind == MK_ACTOR))
        return 0;
    collect_left(x, before - 1, &v->tgt);
    return 1;
}

/* "The declaration aims to ... and was signed by": the sentence's first
   actor */
static int first_clause_subject(void *state)
{
    struct verb_read *v = state;
    struct rn_extractor *x = v->x;
    size_t s = v->g.start;
    if (!(s > 0 && (x_is(x, s - 1, "and") || x_is(x, s - 1, "but")) && x->nm &&
          x->m[0].kind != MK_QUANT && x->m[0].kind != MK_MOD && x->m[0].ent != XNONE))
        return 0;
    side_add(&v->tgt, x->m[0].ent);
    return 1;
}

static int plain_subject(void *state)
{
    struct verb_read *v = state;
    subject_of(v->x, v->g.start, &v->tgt);
    return 1;
}

static const struct rel_case passive_subjects[] = {
    CASE(subject_before_aside, 0),
    CASE(names_before_noun, 0),
    CASE(first_clause_subject, 0),
    CASE(plain_subject, 0),
};

/* "Announced by X on Monday, the initiative ...": the subject after the
   fronted participle's comma */
static void fronted_subject(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t k = v->after;
    while (k < x->tok.len && !x_is_punct(x, k, ','))
        k++;
    collect_right(x, k + 1, &v->tgt);
}

/* The states of the places a phrase at q lists ("in the UK, Canada and the
   European Commission"): a known organisation is a place of its own, and
   with any_region so is a region the lexicon does not know ("banned in
   several countries, including A and B": the members named are the
   places). */
static void add_places(struct rn_extractor *x, size_t q, struct side *src, int any_region)
{
    struct side places;
    collect_right(x, q, &places);
    for (size_t p = 0; p < places.n; p++) {
        uint32_t st = x_state_of(x, places.ents[p]);
        const struct ent *pe = &x->ents[places.ents[p]];
        int own_place = any_region ? (pe->type == RN_ETYPE_UNKNOWN || pe->type == RN_ETYPE_ORGANIZATION)
                                   : (pe->type == RN_ETYPE_ORGANIZATION && pe->lex != RN_LEX_NONE);
        if (st == XNONE && own_place)
            st = places.ents[p];
        side_add(src, st);
    }
}

/* "banned on government devices in the UK and Canada", "banned from
   operating in Uruguay": a short phrase may come before the place; the
   token of "in" after it, else k */
static size_t place_after_phrase(struct rn_extractor *x, size_t k)
{
    if (!x_is(x, k, "on") && !x_is(x, k, "for") && !(x_is(x, k, "from") && x_ends_with(x, k + 1, "ing")))
        return k;
    size_t q = k + 1;
    while (q < x->tok.len && q - k < 5 && x_is_word(x, q) && mention_at(x, q) == XNONE &&
           !x_is(x, q, "in") && !x_is_aux(x, q) && !x_is_conj(x, q) && !x_is_wh(x, q))
        q++;
    return x_is(x, q, "in") ? q : k;
}

/* Frame loc without an agent: "banned in India", the place bans. */
static void passive_place(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t k = place_after_phrase(x, v->after);
    /* "barred from selling drones in the region": the region is not a place
       of the ban */
    if (!place_prep(x, k))
        return;
    size_t q = skip_right(x, k + 1);
    while (q < x->tok.len && x_is_det(x, q) && mention_at(x, q) == XNONE)
        q++;
    uint32_t mi = mention_at(x, q);
    if (mi == XNONE)
        return;
    const struct mention *m = &x->m[mi];
    if (m->kind == MK_ACTOR)
        add_places(x, q, &v->src, 0);
    else if (m->kind == MK_MOD && m->state != XNONE)
        side_add(&v->src, m->state);
    else if (m->kind == MK_QUANT)
        add_places(x, q, &v->src, 1);
}

/* "X sanctioned one individual and one group. Ola Berg was sanctioned
   today along with Kestrel Data": an agentless passive of the relation a
   counted set of the last sentence awaits names its members, and "along
   with Y" adds Y; the set's owner acts */
static void pending_set_named(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    if (!(!v->src.n && !v->alen && x->pending.active && !x->pending.quant_is_source &&
          strcmp(x->pending.relation, v->tr->relation) == 0 && x->sent_no <= x->pending.sent_no + 1))
        return;
    side_add(&v->src, x->pending.other);
    /* ("along" is an adverb too: look for the joiner itself) */
    size_t w = v->tend, jl = 0;
    while (w < x->tok.len && w - v->tend < 4 && (jl = joiner(x, w)) < 2 && x_is_word(x, w) &&
           !x_is_prep(x, w) && !x_is_conj(x, w))
        w++;
    struct side more;
    if (jl > 1) {
        collect_right(x, w + jl, &more);
        for (size_t i = 0; i < more.n; i++)
            side_add(&v->tgt, more.ents[i]);
    }
}

/* "China's initiative, released in September": the owner acts */
static void document_owner(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t s = v->g.start;
    if (v->src.n || s < 3 || !x_is_punct(x, s - 1, ','))
        return;
    uint32_t mi = mention_at(x, s - 2);
    if (mi != XNONE && x->m[mi].kind == MK_DOC && x->m[mi].a >= 2 &&
        (x->tok.items[x->m[mi].a - 1].flags & RN_TOK_POSS))
        collect_left(x, x->m[mi].a - 2, &v->src);
}

/* "A is blocked, but B is not": B, negated */
static int but_not(struct verb_read *v, int rc)
{
    struct rn_extractor *x = v->x;
    size_t q = skip_right(x, v->tend);
    while (q < x->tok.len && !x_is(x, q, "but") && !x_is_punct(x, q, '.'))
        q++;
    uint32_t bm = mention_at(x, q + 1);
    if (!(rc == RN_OK && v->pol == RN_POL_ASSERTED && bm != XNONE && x->m[bm].kind == MK_ACTOR &&
          x_is_be(x, x->m[bm].b) && x_cue(x, x->m[bm].b + 1, RN_CUE_NEG) &&
          (x->m[bm].b + 2 >= x->tok.len || !x_is_word(x, x->m[bm].b + 2))))
        return rc;
    struct side b;
    side_init(&b);
    side_add(&b, x->m[bm].ent);
    filter_targets(x, v->tr, &b);
    return emit_all(x, v->c, v->tr->relation, &v->src, &b, RN_POL_NEGATED, 0.8);
}

/* The agent is a counted set: it waits for its members. */
static int counted_agent(struct verb_read *v)
{
    filter_targets(v->x, v->tr, &v->tgt);
    if (v->tgt.n)
        set_pending(v->x, v->tr->relation, v->tgt.ents[0], 1, v->pol);
    return pending_members(v->x, v->c, v->src.end);
}

/* Passive: target = the subject; source = the "by" agent or the place. */
/* "The outage was blamed on Tessaly by Norvania": frame on's target after
   "on", the agent after it ("was blamed on Tessaly" names no one who
   blames) */
static int passive_on(struct verb_read *v, size_t on)
{
    struct rn_extractor *x = v->x;
    collect_right(x, on + 1, &v->tgt);
    size_t k = skip_right(x, v->tgt.end);
    size_t alen = agent_len(x, k);
    side_init(&v->src);
    if (alen)
        collect_right(x, k + alen, &v->src);
    filter_targets(x, v->tr, &v->tgt);
    return emit_all(x, v->c, v->tr->relation, &v->src, &v->tgt, v->pol, 0.85);
}

static int passive_verb(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    const struct rn_trigger *tr = v->tr;
    if ((tr->frame & (RN_FRAME_OUT | RN_FRAME_MARKET)) && !v->out_ok)
        return RN_OK; /* "Huawei was excluded" says not from what */
    if (tr->frame & RN_FRAME_FOR_WRONG)
        return RN_OK; /* "Y was condemned for the attack" names no accuser before it */
    size_t on = skip_right(x, v->tend);
    if ((tr->frame & RN_FRAME_ON) && x_is(x, on, "on"))
        return passive_on(v, on);
    run_cases(passive_subjects, NCASES(passive_subjects), v, 0, &v->fired);
    if (!v->tgt.n && !v->tgt.quant && v->g.start == 0)
        fronted_subject(v);
    side_init(&v->src);
    v->alen = agent_len(x, v->after);
    if (v->alen) {
        collect_right(x, v->after + v->alen, &v->src);
        if (v->src.quant && !v->src.n)
            return counted_agent(v);
    } else if (tr->frame & RN_FRAME_LOC) {
        passive_place(v);
    }
    pending_set_named(v);
    /* "WhatsApp is blocked": a ban without agent or place is the state the
       text is about, when it names just one */
    if (!v->src.n && (tr->frame & RN_FRAME_LOC) && !v->alen && !x_is(x, v->after, "in") &&
        !x_is(x, v->after, "from"))
        agentless_source(x, &v->src);
    /* "The apps banned by X include A and B": a reduced relative on the
       subject, whose members a list verb names (not "YouTube" of "the
       YouTube channels banned by X include A") */
    struct side listed;
    if (v->g.start == v->t && v->src.n && v->alen && listed_after(x, v->src.end, 1, &listed, NULL))
        v->tgt = listed;
    if (v->tgt.quant && !v->tgt.n && tr->target != RN_TARGET_DOCUMENT) {
        if (v->src.n)
            set_pending(x, tr->relation, v->src.ents[0], 0, v->pol);
        return pending_members(x, v->c, skip_right(x, v->tend));
    }
    document_owner(v);
    filter_targets(x, tr, &v->tgt);
    return but_not(v, emit_all(x, v->c, tr->relation, &v->src, &v->tgt, v->pol, 0.85));
}

/* "Blocked websites include A and B": a participle before a plural noun
   and a list verb; the list verb's token, or 0 */
static size_t participle_list_verb(const struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t t = v->t;
    if (!(v->participle && v->g.start == t && (v->tr->frame & RN_FRAME_LOC) &&
          mention_at(x, t + 1) == XNONE && (t == 0 || mention_at(x, t - 1) == XNONE)))
        return 0;
    size_t k = t + 1;
    while (k < x->tok.len && k - t <= 3 && x_is_word(x, k) && !(x->tok.items[k].flags & RN_TOK_CAP) &&
           !x_is_aux(x, k) && !x_is_prep(x, k) && !list_verb(x, k))
        k++;
    return k > t + 1 && x_ends_with(x, k - 1, "s") && list_verb(x, k) ? k : 0;
}

/* the banned are listed after the list verb at k, the banning state is the
   one the text is about */
static int participle_listed(struct verb_read *v, size_t k)
{
    struct rn_extractor *x = v->x;
    collect_right(x, k + 1, &v->tgt);
    side_add(&v->src, x_topic_state(x));
    filter_targets(x, v->tr, &v->tgt);
    return emit_all(x, v->c, v->tr->relation, &v->src, &v->tgt, v->pol, 0.7);
}

/* "a complaint filed by Vantrix, accusing Zentara of ...": a participle
   after a reduced passive's agent is the agent's act */
static void agent_of_participle(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t t = v->t;
    if (!(x_ends_with(x, t, "ing") && v->g.start == t && t >= 4 && x_is_punct(x, t - 1, ',')))
        return;
    uint32_t am = mention_at(x, t - 2);
    size_t ba = am != XNONE ? x->m[am].a : 0;
    if (am != XNONE && x->m[am].kind == MK_ACTOR && ba >= 2 && x_is(x, ba - 1, "by") &&
        x_ends_with(x, ba - 2, "ed"))
        collect_left(x, t - 2, &v->src);
}

/* "filed a complaint with the Commission accusing Y": an actor a
   preposition other than the author's (cues class author) governs right
   before the participle at t is no subject of it. */
static int participle_after_oblique(struct rn_extractor *x, size_t t)
{
    uint32_t lm = mention_at(x, t - 1);
    if (lm == XNONE || x->m[lm].kind != MK_ACTOR || x->m[lm].ent == x->main_subject)
        return 0;
    size_t a = x->m[lm].a;
    if (a > 0 && x_is_det(x, a - 1))
        a--;
    return a > 0 && x_is_prep(x, a - 1) && !x_cue(x, a - 1, RN_CUE_AUTHOR);
}

/* "Trump signed two orders on Aug. 6 banning Y": a participle after the
   object takes the sentence's subject */
static void participle_after_object(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t t = v->t;
    if (!(!v->among && v->g.start == t && x_ends_with(x, t, "ing") && t > 0 &&
          x->main_subject != XNONE))
        return;
    /* "Chile joined 25 other nations in endorsing Y", "Chile succeeded in
       blocking Y": after "in" with no named subject of its own, the main
       clause's subject does it */
    if ((v->src.n == 1 && participle_after_oblique(x, t)) ||
        ((v->src.quant || !v->src.n) && x_is(x, t - 1, "in"))) {
        side_init(&v->src);
        add_main_subject(x, &v->src);
        return;
    }
    if (v->src.n)
        return;
    size_t l = mention_at(x, t - 1) == XNONE ? skip_time_left(x, t - 1) : t - 1;
    uint32_t lm = mention_at(x, l);
    if ((lm != XNONE && (x->m[lm].kind == MK_DOC || x->m[lm].kind == MK_QUANT)) ||
        (lm == XNONE && x_is_word(x, l) && !x_is_prep(x, l) && !x_is_conj(x, l) && !x_is_wh(x, l) &&
         !x_is_aux(x, l) && (x_ends_with(x, l, "s") || x_cue(x, l, RN_CUE_DOCHEAD)))) {
        side_add(&v->src, x->main_subject);
        v->src.quant = 0;
    }
}

/* "X ordered Y to block Z": X, hedged; and Y, when named, hedged too: the
   act is ordered of Y */
static void ordered_ones(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    struct vgroup g2;
    verb_group(x, v->g.start, 0, &g2);
    subject_of(x, g2.start, &v->src);
    for (size_t q = v->g.obj_a; q < v->g.obj_b; q++) {
        uint32_t qm = mention_at(x, q);
        if (qm == XNONE)
            continue;
        if (x->m[qm].kind == MK_ACTOR)
            side_add_mention(&v->src, &x->m[qm]);
        q = x->m[qm].b - 1;
    }
}

/* "Neither Chile nor Peru signed": does the subject list before the verb
   group starting at g open with "neither"? */
static int neither_subject(struct rn_extractor *x, size_t g)
{
    for (size_t k = g; k > 0 && g - k < 16; k--) {
        size_t q = k - 1;
        uint32_t qm = mention_at(x, q);
        if (x_cue(x, q, RN_CUE_NEG)) /* "neither", "nor" */
            return 1;
        if (qm != XNONE) {
            k = x->m[qm].a + 1;
            continue;
        }
        if (!(x_is_coord(x, q) || x_is_punct(x, q, ',') || x_is_det(x, q)))
            return 0;
    }
    return 0;
}

/* The active verb's subject, the sources. */
static void active_subject(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    subject_of(x, v->g.start, &v->src);
    if (v->src.n && neither_subject(x, v->g.start))
        set_pol(&v->pol, RN_POL_NEGATED);
    agent_of_participle(v);
    /* "Among those signing the declaration were A and B": the subject
       follows the object */
    v->among = !v->src.n && v->g.start == v->t && among_group(x, v->t);
    participle_after_object(v);
    if (v->src.n && v->g.start == v->t && x_ends_with(x, v->t, "ing") &&
        pending_before(x, v->t, v->src.ents[0]))
        set_pol(&v->pol, RN_POL_HEDGED);
    if (v->g.objctrl)
        ordered_ones(v);
    if (v->src.n && x->main_subject == XNONE)
        x->main_subject = v->src.ents[0];
}

/* "attribute X to Y": the target follows "to" */
static int to_object(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t k = v->after;
    while (k < x->tok.len && k - v->after < 10 && !x_is(x, k, "to") && !x_is_punct(x, k, '.'))
        k++;
    if (!x_is(x, k, "to"))
        return 0;
    collect_right(x, k + 1, &v->tgt);
    return 1;
}

/* The object after the verb: members apposed to a counted object, what is
   reached or dealt with, the makers of goods. */
static void direct_object(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    collect_right(x, v->after, &v->tgt);
    apposed_members(x, &v->tgt);
    v->obj_end = skip_right(x, v->tgt.end);
    /* "blocked access to Instagram", "banned transactions with TikTok":
       what is reached or dealt with is banned */
    if (dealt_with(x, &v->tgt))
        v->obj_end = skip_right(x, v->tgt.end);
    if (!v->tgt.n && v->tgt.desc_b > v->tgt.desc_a && v->tr->target != RN_TARGET_DOCUMENT) {
        struct side y;
        goods_makers(x, v->tgt.desc_b, &y);
        if (y.n) {
            v->tgt = y;
            v->obj_end = skip_right(x, v->tgt.end);
        }
    }
}


/* The OUT and MARKET frames want their particle or market after the
   object; FOR_WRONG its wrongdoing. */
static int object_completes_frame(const struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t e = v->obj_end;
    if ((v->tr->frame & RN_FRAME_OUT) && !v->out_ok &&
        !((x_is(x, e, "out") && x_is(x, e + 1, "of")) ||
          (x_is(x, e, "from") && !x_ends_with(x, e + 1, "ing"))))
        return 0; /* "exclude" alone is no ban: "from its networks" makes it one */
    /* "removed Y" is no ban; "removed Y from its app store" is, and so is
       "removed the Y app from ..."; "ordered app stores to remove Y" names
       the market in the ordered */
    if ((v->tr->frame & RN_FRAME_FOR_WRONG) && !wrong_after(x, e))
        return 0; /* "condemned Y" alone is criticism, not an accusation */
    if ((v->tr->frame & RN_FRAME_MARKET) && !v->out_ok && !market_after(x, after_head_noun(x, e)) &&
        !(v->g.objctrl && span_has_cue(x, v->g.obj_a, v->g.obj_b, RN_CUE_MARKET)))
        return 0;
    return 1;
}

/* The preposition cases after the object, tried in order: 1 when one
   applies, -1 when it says there is no relation. */

/* "blamed the attack on the opening ceremony on the GRU": when no name
   follows the first "on", it may belong to the object */
static void on_after_object(struct rn_extractor *x, size_t e, struct side *on)
{
    for (size_t q = on->end; !on->n && q < x->tok.len && q - e < 14; q++) {
        if (x_is_punct(x, q, ',') || x_is_wh(x, q) || x_is_aux(x, q))
            break;
        if (x_is(x, q, "on"))
            collect_right(x, q + 1, on);
    }
}

/* "blamed the attack on its fuel system on Israel and the US", "... on
   the country's banks on Y": the object held a name of its own, and the
   blamed follow the LAST "on" */
static void last_on(struct rn_extractor *x, struct side *on)
{
    for (size_t q = on->end; on->n && q < x->tok.len && q - on->end < 14; q++) {
        if (x_is_punct(x, q, ',') || x_is_punct(x, q, '.') || x_is_wh(x, q) || x_is_aux(x, q) ||
            x_is_conj(x, q))
            break;
        if (!x_is(x, q, "on"))
            continue;
        struct side on2;
        collect_right(x, q + 1, &on2);
        if (on2.n && (!on2.resolved || on->resolved)) {
            *on = on2;
            q = on->end - 1;
        }
    }
}

/* "blamed the attack on Y" (a named object with "for" is the one blamed:
   "blamed Storm-0917 for the attack on its grid") */
static int blamed_on(void *state)
{
    struct verb_read *v = state;
    struct rn_extractor *x = v->x;
    if (!(v->tr->frame & RN_FRAME_ON) || (v->tgt.n && x_is(x, v->obj_end, "for")))
        return 0;
    size_t e = prep_ahead(x, v->obj_end, "on");
    if (!e)
        return 0;
    v->obj_end = e;
    struct side on;
    collect_right(x, e + 1, &on);
    on_after_object(x, e, &on);
    last_on(x, &on);
    if (on.n)
        v->tgt = on;
    return 1;
}

/* "barred its companies from buying Y", "blocks users in China from
   seeing Y": when the object is the banner's own people, Y is what is
   banned */
static int barred_from_doing(void *state)
{
    struct verb_read *v = state;
    struct rn_extractor *x = v->x;
    struct side *tgt = &v->tgt;
    size_t e = (v->tr->frame & RN_FRAME_FROM) ? from_ing(x, v->obj_end, tgt->n) : 0;
    if (!e)
        return 0;
    v->obj_end = e;
    int own = tgt->n == 0 || (tgt->n == 1 && (x->ents[tgt->ents[0]].type == RN_ETYPE_GROUP ||
                                             (v->src.n && tgt->ents[0] == v->src.ents[0])));
    if (tgt->end > 0 && own) {
        struct side y;
        /* "barring American firms from selling to them" */
        size_t ya = e + 2 + (x_is(x, e + 2, "to") || x_is(x, e + 2, "with"));
        collect_right(x, ya, &y);
        /* "from buying equipment from Huawei and ZTE": the makers */
        if (!y.n && y.desc_b > y.desc_a && y.desc_b == y.end &&
            (x_is(x, y.end, "from") || x_is(x, y.end, "of") || x_is(x, y.end, "by")))
            collect_right(x, y.end + 1, &y);
        if (y.n || (!tgt->n && y.desc_b > y.desc_a))
            *tgt = y; /* "barred employers from imposing noncompete clauses" */
        else if (tgt->n == 1 && x->ents[tgt->ents[0]].type == RN_ETYPE_GROUP)
            tgt->n = 0; /* a state's own people are not what it bans */
    }
    return 1;
}

/* "prevented the attack" bans nothing: only "from doing Y" */
static int from_without_doing(void *state)
{
    struct verb_read *v = state;
    return (v->tr->frame & RN_FRAME_FROM) && !(v->tr->frame & RN_FRAME_OBJ) ? -1 : 0;
}

static const struct rel_case object_preps[] = {
    CASE(blamed_on, 0),
    CASE(barred_from_doing, 0),
    CASE(from_without_doing, 0),
};

/* The active verb's target; 0 when its frame finds none. */
static int active_object(struct verb_read *v)
{
    if ((v->tr->frame & RN_FRAME_TO) && !(v->tr->frame & RN_FRAME_OBJ))
        return to_object(v);
    direct_object(v);
    if (!object_completes_frame(v))
        return 0;
    return run_cases(object_preps, NCASES(object_preps), v, 0, &v->fired) >= 0;
}

/* "Norvania signed the pact, as did Tessaly", "... and so did Tessaly":
   the names after the elliptic clause act too */
static void ellipsis_sources(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    size_t q = v->obj_end ? v->obj_end : skip_right(x, v->tgt.end);
    if (x_is_punct(x, q, ','))
        q++;
    struct rn_cue_match cm;
    size_t len = x_is_word(x, q) ? (size_t)x_cue_len(x, q, RN_CUE_ELLIPSIS, &cm) : 0;
    if (!len || !x_is_aux(x, q + len) || x_is_be(x, q + len))
        return;
    struct side more;
    collect_right(x, q + len + 1, &more);
    for (size_t k = 0; k < more.n; k++)
        side_add(&v->src, more.ents[k]);
}

/* Takes out of t the entities s holds too. */
static void drop_shared(struct side *t, const struct side *s)
{
    size_t kept = 0;
    for (size_t k = 0; k < t->n; k++) {
        size_t o = 0;
        while (o < s->n && s->ents[o] != t->ents[k])
            o++;
        if (o == s->n)
            t->ents[kept++] = t->ents[k];
    }
    t->n = kept;
}

/* The subject is a counted set: it waits for its members, or "28 countries
   signed X on Wednesday, including A and B" names them. */
static int counted_subject(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    filter_targets(x, v->tr, &v->tgt);
    if (!v->tgt.n)
        return RN_OK;
    set_pending(x, v->tr->relation, v->tgt.ents[0], 1, v->pol);
    struct rn_cue_match icm;
    /* from the object on: "Ten states signed X, including A and B" read
       A and B into the object's list */
    for (size_t q = v->after; q < x->tok.len; q++) {
        int il = x_cue_len(x, q, RN_CUE_INCLUDE, &icm);
        if (il && q > 0 && x_is_punct(x, q - 1, ',')) {
            collect_right(x, q + (size_t)il, &v->src);
            drop_shared(&v->tgt, &v->src);
            return emit_all(x, v->c, v->tr->relation, &v->src, &v->tgt, v->pol, 0.8);
        }
        if (x_is_punct(x, q, ';') || x_cue(x, q, RN_CUE_SPEECH))
            break;
    }
    return RN_OK;
}

/* Active: source = the subject, target = the object or what the frame's
   preposition introduces. */
static int active_verb(struct verb_read *v)
{
    struct rn_extractor *x = v->x;
    const struct rn_trigger *tr = v->tr;
    active_subject(v);
    if (!v->src.n && !v->src.quant && !v->among)
        return RN_OK;
    if (!active_object(v))
        return RN_OK;
    if (v->among) {
        size_t q = skip_right(x, v->tgt.end);
        if (x_is_be(x, q))
            collect_right(x, q + 1, &v->src);
    }
    if (v->src.quant && !v->src.n)
        return counted_subject(v);
    if (v->tgt.quant && !v->tgt.n && tr->target != RN_TARGET_DOCUMENT) {
        set_pending(x, tr->relation, v->src.ents[0], 0, v->pol);
        return RN_OK;
    }
    filter_targets(x, tr, &v->tgt);
    if (!v->tgt.n) {
        relative_object(x, v->g.start, &v->tgt);
        filter_targets(x, tr, &v->tgt);
    }
    ellipsis_sources(v);
    /* "banned 59 apps, including A and B. The list also names C": the set
       may go on in a later sentence */
    if (v->tgt.counted && v->tgt.n && v->src.n)
        set_pending(x, tr->relation, v->src.ents[0], 0, v->pol);
    else if (v->src.quant && v->src.n && v->tgt.n == 1)
        set_pending(x, tr->relation, v->tgt.ents[0], 1, v->pol);
    return emit_all(x, v->c, tr->relation, &v->src, &v->tgt, v->pol, 0.9);
}

/* A verb trigger: its group, voice and polarity, then the passive or the
   active reading. */
static int do_verb(struct rn_extractor *x, struct relctx *c, const struct rn_trigger *tr, size_t t,
                   size_t tend)
{
    struct verb_read v;
    verb_read_init(&v, x, c, tr, t, tend);
    if (clause_object(&v))
        return RN_OK;
    verb_particle(&v);
    reduced_passive(&v);
    side_init(&v.src);
    side_init(&v.tgt);
    if (v.g.passive)
        return passive_verb(&v);
    size_t list_at = participle_list_verb(&v);
    if (list_at)
        return participle_listed(&v, list_at);
    return active_verb(&v);
}

/* A noun trigger being read: what do_noun's readings share. */
struct noun_read {
    struct rn_extractor *x;
    struct relctx *c;
    const struct rn_trigger *tr;
    size_t t, tend;      /* the trigger's tokens [t, tend) */
    enum rn_polarity pol;
    struct side src, tgt;
    size_t k;            /* the prepositional reading: the token after the noun (or its agent) */
    uint32_t premod;     /* "the TikTok ban": the name before the noun, or XNONE */
    int rc;              /* the result of the reading that decided */
    const char *fired;   /* the reading that decided, for a trace */
};

/* A reading decided, with result rc. */
static int noun_done(struct noun_read *n, int rc)
{
    n->rc = rc;
    return 1;
}

/* "a Peruvian proposal", "a European Commission proposal to ban X", "the
   Commission's proposal": the owner named inside the document phrase
   before its head, or right before it, proposes the document. */
static int noun_owner(struct rn_extractor *x, struct relctx *c, const struct rn_trigger *tr,
                      size_t t)
{
    uint32_t dm = mention_at(x, t);
    if (dm == XNONE || x->m[dm].kind != MK_DOC)
        return RN_OK;
    struct side src, tgt;
    side_init(&src);
    side_init(&tgt);
    for (size_t k = x->m[dm].a; k < t && !src.n; k++) {
        struct rn_gaz_match g;
        if (x_is_cap(x, k) && rn_lexicon_match(x->lex, x->wc, &x->tok, k, t, x->allcaps, &g))
            side_add(&src, x_lex_entity(x, g.actor));
    }
    if (!src.n && x->m[dm].a > 0) {
        size_t p = x->m[dm].a - 1;
        if ((x->tok.items[p].flags & RN_TOK_POSS) && p > 0)
            p--;
        uint32_t pm = mention_at(x, p);
        if (pm != XNONE && x->m[pm].kind == MK_ACTOR && !x->m[pm].pronoun)
            side_add(&src, x->m[pm].ent);
    }
    /* "a proposal by Norway to ban X": the agent right after the noun */
    size_t by = agent_len(x, t + 1);
    if (!src.n && by)
        collect_right(x, t + 1 + by, &src);
    if (!src.n)
        return RN_OK;
    side_add(&tgt, x->m[dm].ent);
    return emit_all(x, c, tr->relation, &src, &tgt, tr->polarity, 0.75);
}

/* "The ban (, announced by X on Monday,) also covers A and B" ("does not
   cover A": negated): a trigger
   noun that is the subject of a list verb. Its source is the agent the
   aside names, else its owner, else for "the ban" whoever imposed the
   latest such relation. Returns 0 when the noun is not such a subject. */
static int noun_lists(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t t = n->t, tend = n->tend;
    struct side src, tgt, agent;
    enum rn_polarity pol = n->tr->polarity;
    size_t q = light_agent(x, tend, &agent, &pol);
    if (!listed_after(x, q, 0, &tgt, &pol))
        return 0;
    n->rc = RN_OK;
    int skip; /* also reads "the proposed ban" */
    nominal_source(x, t, tend, XNONE, &src, &pol, &skip, NULL);
    if (skip)
        return 1;
    if (agent.n)
        src = agent;
    if (!src.n && t > 0 && x_in_class(x, t - 1, RN_WORD_DEF))
        side_add(&src, x_hist_source(x, n->tr->relation, XNONE));
    filter_targets(x, n->tr, &tgt);
    n->rc = emit_all(x, n->c, n->tr->relation, &src, &tgt, pol, 0.75);
    return 1;
}

/* "Chile has denied Peruvian accusations of war crimes", "Kenya rejected
   Peru's accusation that it hacked the grid": the owner of accusations
   someone denies (cues class cancel, value denial) accuses the denier.
   Returns 0 when the noun is not so governed. */
static int denied_accusation(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t t = n->t, tend = n->tend;
    if (strcmp(n->tr->relation, RN_REL_ACCUSES) != 0)
        return 0;
    struct side src, tgt;
    enum rn_polarity pol = RN_POL_ASSERTED;
    int skip;
    size_t verb = 0;
    nominal_source(x, t, tend, XNONE, &src, &pol, &skip, &verb);
    if (skip != 2)
        return 0;
    struct vgroup g;
    verb_group(x, verb, 0, &g);
    subject_of(x, g.start, &tgt);
    filter_targets(x, n->tr, &tgt);
    n->rc = emit_all(x, n->c, n->tr->relation, &src, &tgt, RN_POL_ASSERTED, 0.7);
    return 1;
}

/* "Peru and Chile traded accusations over the truce": a trigger noun
   right after a verb of exchange (cues class mutual: trade, exchange) is
   each subject's act on each other. Returns 0 when not so governed. */
static int traded_accusations(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t t = n->t;
    size_t v = t;
    while (v > 0 && (x_is_det(x, v - 1) || x_is_adverb(x, v - 1)) && mention_at(x, v - 1) == XNONE)
        v--;
    if (v == 0 || !x_cue(x, v - 1, RN_CUE_MUTUAL))
        return 0;
    struct vgroup g;
    verb_group(x, v - 1, 0, &g);
    struct side both;
    subject_of(x, g.start, &both);
    n->rc = RN_OK;
    for (size_t a = 0; a < both.n && n->rc == RN_OK; a++)
        for (size_t b = 0; b < both.n && n->rc == RN_OK; b++)
            if (a != b)
                n->rc = emit(x, n->c, n->tr->relation, both.ents[a], both.ents[b], g.pol, 0.7);
    return 1;
}

/* Back from a nominal trigger at t over its own words ("a four-year
   ban", "a lawsuit"), at most three, to a verb of class c, an auxiliary or
   a preposition: where its phrase starts. */
static size_t noun_words_start(struct rn_extractor *x, size_t t, enum rn_cue c)
{
    size_t v = t;
    while (v > 0 && t - v < 4 && x_is_word(x, v - 1) && mention_at(x, v - 1) == XNONE &&
           !x_cue(x, v - 1, c) && !x_is_aux(x, v - 1) && !x_is_prep(x, v - 1))
        v--;
    return v;
}

/* "the panel handed Ola Berg a four-year ban", "Ola Berg was handed a
   ban by the panel": a trigger noun given to someone (cues class dative:
   hand, give) is the giver's act on its receiver. Returns 0 when the noun
   is not so given. */
static int given_noun(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t v = noun_words_start(x, n->t, RN_CUE_DATIVE);
    if (v == n->t || !x_is_det(x, v))
        return 0;
    struct side src, tgt;
    side_init(&src);
    side_init(&tgt);
    struct vgroup g;
    uint32_t rm = v > 0 ? mention_at(x, v - 1) : XNONE;
    if (rm != XNONE && x->m[rm].kind == MK_ACTOR && x->m[rm].a > 0 &&
        x_cue(x, x->m[rm].a - 1, RN_CUE_DATIVE)) {
        /* active: the giver is the verb's subject */
        verb_group(x, x->m[rm].a - 1, 0, &g);
        subject_of(x, g.start, &src);
        side_add_mention(&tgt, &x->m[rm]);
    } else if (v > 1 && x_cue(x, v - 1, RN_CUE_DATIVE) && x_is_be(x, v - 2)) {
        /* passive: the receiver is the subject, the giver the agent after
           the noun's phrase */
        verb_group(x, v - 1, 1, &g);
        subject_of(x, g.start, &tgt);
        size_t k = n->tend;
        while (k < x->tok.len && k - n->tend < 6 && !agent_len(x, k) && !x_is_punct(x, k, ',') &&
               !x_is_punct(x, k, '.'))
            k++;
        size_t alen = agent_len(x, k);
        if (alen)
            collect_right(x, k + alen, &src);
    } else {
        return 0;
    }
    n->rc = src.n && tgt.n ? emit_all(x, n->c, n->tr->relation, &src, &tgt, g.pol, 0.75) : RN_OK;
    return 1;
}

/* "the sanctions (that) Peru imposed on Kwibble", "one of many blocks
   which Turkey has imposed on news sites": a trigger noun whose relative
   clause puts it on someone with a light verb; the clause's subject acts
   on what follows "on|against". Not when the noun itself is lifted
   ("Peru lifted the sanctions it imposed on Kwibble"). Returns 1 when the
   clause was read (*rc the emission's result), else 0. */
static int relative_light(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t t = n->t, tend = n->tend;
    n->rc = RN_OK;
    if (!(n->tr->frame & (RN_FRAME_NOUN_ON | RN_FRAME_AGAINST)))
        return 0;
    size_t q = tend;
    /* "the block is one of many which ..." */
    if (x_is_be(x, q) && x_is(x, q + 1, "one") && x_is(x, q + 2, "of")) {
        q += 3;
        q += x_is(x, q, "the");
        q += x_is_word(x, q) && !x_is_wh(x, q);
        if (!x_is_wh(x, q))
            return 0;
    }
    if (x_is_wh(x, q))
        q++;
    uint32_t sm = mention_at(x, q);
    if (sm == XNONE || x->m[sm].kind != MK_ACTOR)
        return 0;
    size_t v = x->m[sm].b;
    while (v < x->tok.len && (x_is_aux(x, v) || x_is_adverb(x, v)))
        v++;
    struct rn_cue_match cm;
    int light_len = x_cue_len(x, v, RN_CUE_LIGHT, &cm);
    if (!light_len || !(x_ends_with(x, v, "ed") || x_is_aux(x, v - 1)))
        return 0;
    size_t p = skip_right(x, v + (size_t)light_len);
    if (!x_is(x, p, "on") && !x_is(x, p, "against"))
        return 0;
    /* the noun's own governor: "lifted the sanctions it imposed" */
    size_t g = t;
    while (g > 0 && (x_is_det(x, g - 1) || x_is_adverb(x, g - 1) || x_is_lower(x, g - 1)) &&
           mention_at(x, g - 1) == XNONE && !x_cue(x, g - 1, RN_CUE_CANCEL) && t - g < 4)
        g--;
    if (g > 0 && x_cue(x, g - 1, RN_CUE_CANCEL))
        return 1;
    struct side src, tgt;
    side_init(&src);
    side_add_mention(&src, &x->m[sm]);
    collect_right(x, p + 1, &tgt);
    dealt_with(x, &tgt);
    filter_targets(x, n->tr, &tgt);
    if (!tgt.n)
        return 0;
    n->rc = emit_all(x, n->c, n->tr->relation, &src, &tgt, n->tr->polarity, 0.75);
    return 1;
}

/* do_noun's readings, tried in order (each returns 0 when it does not
   apply, else 1 with its result in rc); the table says which frames each
   wants. */

/* "Y was behind the attack" / "Y is responsible for" in reported speech:
   the speaker blames Y */
/* "Norvania holds Tessaly responsible", "the inquiry found Tessaly
   responsible": a verb that deems (cues class deem) before the names before
   the adjective at k; the verb's subject accuses them */
static int deemed_responsible(struct noun_read *n, size_t k)
{
    struct rn_extractor *x = n->x;
    uint32_t mi = mention_at(x, k - 1);
    if (mi == XNONE || x->m[mi].kind != MK_ACTOR)
        return 0;
    /* back over the names and what joins them */
    size_t v = k - 1;
    while (v > 0) {
        uint32_t pm = mention_at(x, v - 1);
        if (pm != XNONE)
            v = x->m[pm].a;
        else if (x_is_coord(x, v - 1) || x_is_punct(x, v - 1, ','))
            v--;
        else
            break;
    }
    if (v == 0 || !x_cue(x, v - 1, RN_CUE_DEEM))
        return 0;
    collect_left(x, k - 1, &n->tgt);
    v--;
    struct vgroup g;
    verb_group(x, v, 0, &g);
    subject_of(x, g.start, &n->src);
    set_pol(&n->pol, g.pol);
    filter_targets(x, n->tr, &n->tgt);
    noun_done(n, emit_all(x, n->c, n->tr->relation, &n->src, &n->tgt, n->pol, 0.75));
    return 1;
}

static int reported_blame(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t k = n->t;
    while (k > 0 && (x_is_adverb(x, k - 1) || x_cue(x, k - 1, RN_CUE_NEG) || is_quote(x, k - 1))) {
        if (x_cue(x, k - 1, RN_CUE_NEG))
            n->pol = RN_POL_NEGATED;
        k--;
    }
    if (k > 0 && deemed_responsible(n, k))
        return 1;
    if (k == 0 || !x_is_be(x, k - 1) || k < 2)
        return noun_done(n, RN_OK);
    collect_left(x, k - 2, &n->tgt);
    if (!n->tgt.n)
        return noun_done(n, RN_OK);
    side_init(&n->src);
    side_add(&n->src, speaker(x, n->t, n->tend));
    filter_targets(x, n->tr, &n->tgt);
    return noun_done(n, emit_all(x, n->c, n->tr->relation, &n->src, &n->tgt, n->pol, 0.75));
}

/* A participle a name owns: "China-proposed", "Sweden's proposed" */
static int owned_participle(const struct rn_extractor *x, size_t t)
{
    if (t == 0)
        return 0;
    if (x->tok.items[t].flags & RN_TOK_HYPHEN)
        return 1;
    return t >= 2 && (x->tok.items[t - 1].flags & RN_TOK_POSS) && mention_at(x, t - 2) != XNONE &&
           x_ends_with(x, t, "ed");
}

/* The name before a compound's hyphen: a mention, or a lexicon name
   inside a document phrase. */
static void compound_owner(struct noun_read *n)
{
    struct rn_extractor *x = n->x;
    size_t t = n->t;
    if (x->tok.items[t - 1].flags & RN_TOK_POSS) /* "Sweden's proposed" */
        t--;
    uint32_t mi = mention_at(x, t - 1);
    if (mi != XNONE && x->m[mi].kind == MK_ACTOR) {
        side_add(&n->src, x->m[mi].ent);
        return;
    }
    for (size_t b = t > 4 ? t - 4 : 0; b < t && !n->src.n; b++) {
        struct rn_gaz_match gm;
        if (rn_lexicon_match(x->lex, x->wc, &x->tok, b, t, x->allcaps, &gm) && b + gm.ntok == t)
            side_add(&n->src, x_lex_entity(x, gm.actor));
    }
}

/* "the China-proposed initiative", "Sweden's proposed pact": the name
   before the hyphen, or the owner before the participle, acts on the
   document the phrase heads */
static int compound_proposal(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    if (!owned_participle(x, n->t))
        return noun_done(n, RN_OK);
    side_init(&n->src);
    compound_owner(n);
    if (!n->src.n)
        return noun_done(n, RN_OK);
    size_t k = n->tend;
    while (k < x->tok.len && k - n->tend < 4 && x_is_word(x, k) && !x_cue(x, k, RN_CUE_DOCHEAD))
        k++;
    if (!x_cue(x, k, RN_CUE_DOCHEAD))
        return noun_done(n, RN_OK);
    side_add(&n->tgt, x_doc_entity(x, n->tend, k + 1, k, 1));
    return noun_done(n, emit_all(x, n->c, n->tr->relation, &n->src, &n->tgt, n->pol, 0.85));
}

/* The document "signatories of|to X" name, else the latest one; *k moves
   past it. */
static uint32_t signed_document(struct rn_extractor *x, size_t *k)
{
    uint32_t doc = XNONE;
    if (x_is(x, *k, "of") || x_is(x, *k, "to")) {
        struct side d;
        collect_right(x, *k + 1, &d);
        for (size_t i = 0; i < d.n; i++)
            if (x->ents[d.ents[i]].type == RN_ETYPE_DOCUMENT)
                doc = d.ents[i];
        *k = d.end;
    }
    return doc != XNONE ? doc : x_recent(x, XWANT_DOC, XNONE, XNONE);
}

/* "Among the signatories are A, B" / "signatories include A" / "A and B
   are not among the signatories" / "Kenya became a signatory to the
   charter" */
static int signatories(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t t = n->t;
    size_t k = skip_right(x, n->tend);
    side_init(&n->src);
    uint32_t doc = signed_document(x, &k);
    if (t >= 3 && x_in_class(x, t - 1, RN_WORD_INDEF) &&
        (x_is_be(x, t - 2) || x_is(x, t - 2, "becomes"))) {
        struct vgroup g;
        verb_group(x, t - 2, 0, &g);
        set_pol(&n->pol, g.pol);
        subject_of(x, g.start, &n->src);
    } else if (x_is_be(x, k) || list_verb(x, k)) {
        collect_right(x, k + 1, &n->src);
    } else if (t >= 3 && x_is(x, t - 1, "the") && x_is(x, t - 2, "among")) {
        members_before_be(x, t - 3, &n->src, &n->pol);
    }
    side_add(&n->tgt, doc);
    return noun_done(n, emit_all(x, n->c, n->tr->relation, &n->src, &n->tgt, n->pol, 0.8));
}

/* "added Y to the entity list", "... to the Trade Bureau's entity list":
   past a determiner and the list's owner, a name (capitalised words or a
   mention) with its possessive, then "to|on" and the enlisting verb
   before it; its token (or the search's last), SIZE_MAX when none */
static size_t enlisting_verb(struct noun_read *n)
{
    struct rn_extractor *x = n->x;
    size_t k = n->t;
    /* "its export blacklist", "a trade blacklist": the list's own nouns */
    while (k > 0 && n->t - k < 2 && x_is_lower(x, k - 1) && !x_is_closed(x, k - 1) &&
           mention_at(x, k - 1) == XNONE)
        k--;
    while (k > 0 && (x_is_det(x, k - 1) || x_is_cap(x, k - 1) || mention_at(x, k - 1) != XNONE ||
                     (x->tok.items[k - 1].flags & RN_TOK_POSS)))
        k--;
    if (k == 0 || !(x_is(x, k - 1, "to") || x_is(x, k - 1, "on")))
        return SIZE_MAX;
    size_t prep = k - 1;
    size_t v = prep;
    while (v > 0 && prep - v < 12) {
        v--;
        if (x_cue(x, v, RN_CUE_ENLIST))
            break;
    }
    return v == prep ? SIZE_MAX : v;
}

/* A list one is put on: who put whom on it, by the enlisting verb's voice */
static int put_on_list(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t v = enlisting_verb(n);
    if (v == SIZE_MAX)
        return noun_done(n, RN_OK);
    struct vgroup g;
    verb_group(x, v, 1, &g);
    set_pol(&n->pol, g.pol);
    size_t be = skip_right(x, n->tend);
    if (!g.passive && g.start == v && x_is_be(x, be)) {
        /* "Also added to the entity list on Monday were A and B": who put
           names on it before, else the state the text is about */
        collect_right(x, be + 1, &n->tgt);
        uint32_t who = x_hist_source(x, n->tr->relation, XNONE);
        side_add(&n->src, who != XNONE ? who : x_topic_state(x));
    } else if (g.passive) {
        subject_of(x, g.start, &n->tgt);
        side_init(&n->src);
        size_t b = skip_right(x, n->tend);
        if (x_is(x, b, "by"))
            collect_right(x, b + 1, &n->src);
        else /* "Vantrix has been placed on the sanctions list" */
            agentless_source(x, &n->src);
    } else {
        subject_of(x, g.start, &n->src);
        collect_right(x, v + 1, &n->tgt);
    }
    filter_targets(x, n->tr, &n->tgt);
    return noun_done(n, emit_all(x, n->c, n->tr->relation, &n->src, &n->tgt, n->pol, 0.85));
}

/* frame owner: "the Commission's proposal" (noun_owner) */
static int owner_proposes(void *state)
{
    struct noun_read *n = state;
    return noun_done(n, noun_owner(n->x, n->c, n->tr, n->t));
}

/* The prepositional reading's targets, cases tried in order (1: read, -1:
   no relation). */

/* The preposition at k that one of a noun's frames names: RN_FRAME_AGAINST
   ("against"), RN_FRAME_NOUN_ON ("on"), RN_FRAME_OF ("of", "to"); 0 when
   none of those in frame is there. */
static unsigned frame_prep(struct rn_extractor *x, unsigned frame, size_t k)
{
    if ((frame & RN_FRAME_AGAINST) && x_is(x, k, "against"))
        return RN_FRAME_AGAINST;
    if ((frame & RN_FRAME_NOUN_ON) && x_is(x, k, "on"))
        return RN_FRAME_NOUN_ON;
    if ((frame & RN_FRAME_OF) && (x_is(x, k, "of") || x_is(x, k, "to")))
        return RN_FRAME_OF;
    return 0;
}

/* "allegations against Y", "a ban on access to Y", "the blocking of access
   to Y": the object after the frame's preposition (and what is reached or
   dealt with) */
static int prep_object(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    unsigned prep = frame_prep(x, n->tr->frame, n->k);
    if (!prep)
        return 0;
    collect_right(x, n->k + 1, &n->tgt);
    if (prep != RN_FRAME_AGAINST)
        dealt_with(x, &n->tgt);
    return 1;
}

/* "The ministry announced the ban late on Monday": the ban just reported,
   now with the body that imposed it */
static int announced_ban(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t t = n->t;
    if (!((n->tr->frame & RN_FRAME_PREMOD) && t > 0 && mention_at(x, t - 1) == XNONE &&
          (x_is(x, t - 1, "the") || x_is(x, t - 1, "this")) && t >= 2 && x_cue(x, t - 2, RN_CUE_LIGHT)))
        return 0;
    hist_targets(x, n->tr->relation, &n->tgt);
    if (!n->tgt.n)
        return -1;
    n->tgt.end = n->k;
    return 1;
}

/* "the TikTok ban": the name before the noun ("the Indian ban" has no
   target) */
static int premodifier_target(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    if (!((n->tr->frame & RN_FRAME_PREMOD) && n->t > 0))
        return 0;
    uint32_t mi = mention_at(x, n->t - 1);
    if (mi == XNONE || x->m[mi].kind != MK_ACTOR)
        return -1;
    enum rn_etype ty = x->ents[x->m[mi].ent].type;
    if (ty == RN_ETYPE_COUNTRY || ty == RN_ETYPE_PERSON)
        return -1;
    n->premod = x->m[mi].ent;
    side_add(&n->tgt, n->premod);
    n->tgt.end = n->k;
    return 1;
}

/* "sanctions targeting Kelpex", "a ban covering Kelpex phones": the
   object of a list verb's -ing form after the noun */
static int participle_object(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    if (!(x_ends_with(x, n->k, "ing") && x_cue(x, n->k, RN_CUE_LISTVERB)))
        return 0;
    collect_right(x, n->k + 1, &n->tgt);
    dealt_with(x, &n->tgt);
    return 1;
}

static const struct rel_case noun_targets[] = {
    CASE(prep_object, 0),
    CASE(participle_object, 0),
    CASE(announced_ban, 0),
    CASE(premodifier_target, 0),
};

/* "the allegations by Washington against Huawei": an agent between the
   noun and "against"; n->k moves to "against" */
static void agent_before_against(struct noun_read *n, struct side *by)
{
    struct rn_extractor *x = n->x;
    side_init(by);
    if (!(n->tr->frame & RN_FRAME_AGAINST) || !x_is(x, n->k, "by"))
        return;
    collect_right(x, n->k + 1, by);
    if (by->n && x_is(x, by->end, "against"))
        n->k = by->end;
    else
        side_init(by);
}

/* "accusations of war crimes against Norvania", "the blame for the outage
   on Norvania", "a complaint with the regulator against Norvania": a
   prepositional phrase not of the frame's own between
   the noun and its frame's preposition; n->k moves to the last such
   preposition before the clause goes on ("the blame for the raid on the
   port on Norvania" blames Norvania) */
static void complement_before_role(struct noun_read *n)
{
    struct rn_extractor *x = n->x;
    unsigned frame = n->tr->frame;
    size_t k = n->k;
    if (!x_is_prep(x, k) || frame_prep(x, frame, k))
        return;
    for (size_t q = k + 1; q < x->tok.len && q - k <= 8 && x_is_word(x, q) && !x_is_conj(x, q) &&
                           !x_is_wh(x, q) && !x_is_aux(x, q);
         q++)
        if (frame_prep(x, frame & (RN_FRAME_AGAINST | RN_FRAME_NOUN_ON), q))
            n->k = q;
}

/* "The WeChat ban was stayed by the court": a verb after the noun stays
   it (hedged) or cancels it (1: no relation) */
static int governed_after(struct noun_read *n, size_t end)
{
    struct rn_extractor *x = n->x;
    size_t q = skip_right(x, end);
    if (!(x_is_be(x, q) || x_is(x, q, "has") || x_is(x, q, "had")))
        return 0;
    while (q < x->tok.len && (x_is_aux(x, q) || x_is_adverb(x, q)))
        q++;
    if (x_cue(x, q, RN_CUE_CANCEL))
        return 1;
    if (x_cue(x, q, RN_CUE_STAY))
        set_pol(&n->pol, RN_POL_HEDGED);
    return 0;
}

/* The prepositional reading's source: the owner or governing verb's
   subject (nominal_source), the agent, the one who imposed it earlier. */
static int noun_source(struct noun_read *n, const struct side *by)
{
    struct rn_extractor *x = n->x;
    size_t t = n->t, tend = n->tend;
    int skip;
    nominal_source(x, t, n->tgt.end, n->premod, &n->src, &n->pol, &skip, NULL);
    if (skip)
        return RN_OK;
    if (!n->src.n && by->n)
        n->src = *by;
    if (!n->src.n) /* "the ban on Y was announced by X" */
        light_agent(x, n->tgt.end > tend ? n->tgt.end : tend, &n->src, &n->pol);
    if (governed_after(n, n->tgt.end > tend ? n->tgt.end : tend))
        return RN_OK;
    filter_targets(x, n->tr, &n->tgt);
    /* "the WeChat ban", "the ban on Y": the one imposed earlier */
    size_t d = n->premod != XNONE && t > 0 && mention_at(x, t - 1) != XNONE
                   ? x->m[mention_at(x, t - 1)].a
                   : t;
    if (!n->src.n && n->tgt.n == 1 && d > 0 && (x_is(x, d - 1, "the") || x_is(x, d - 1, "this")))
        side_add(&n->src, x_hist_source(x, n->tr->relation, n->tgt.ents[0]));
    return emit_all(x, n->c, n->tr->relation, &n->src, &n->tgt, n->pol, 0.8);
}

/* "X's ban on Y", "a ban on Y by X", "the TikTok ban": the target by the
   noun's preposition or premodifier, then its source */
static int prepositional_noun(void *state)
{
    struct noun_read *n = state;
    n->k = skip_right(n->x, n->tend);
    struct side by;
    agent_before_against(n, &by);
    complement_before_role(n);
    if (run_cases(noun_targets, NCASES(noun_targets), n, 0, &n->fired) <= 0)
        return noun_done(n, RN_OK);
    return noun_done(n, noun_source(n, &by));
}

/* "Zentara faces a lawsuit from Kelpex", "Kelpex was hit with sanctions by
   Tessaly", "Quillchat faces a ban in Norway": a verb of undergoing (cues
   class undergo) before the noun's phrase; its subject is the target, the
   one after "from" or "by", or the state after "in", the source */
static int undergone_noun(void *state)
{
    struct noun_read *n = state;
    struct rn_extractor *x = n->x;
    size_t v = noun_words_start(x, n->t, RN_CUE_UNDERGO);
    struct rn_cue_match cm;
    int len = v > 0 ? x_cue_ending(x, v - 1, RN_CUE_UNDERGO, &cm) : 0;
    if (!len)
        return 0;
    struct vgroup g;
    verb_group(x, v - (size_t)len, 0, &g);
    struct side src, tgt;
    subject_of(x, g.start, &tgt);
    side_init(&src);
    size_t k = skip_right(x, n->tend);
    size_t alen = agent_len(x, k);
    if (alen || x_is(x, k, "from"))
        collect_right(x, k + (alen ? alen : 1), &src);
    else
        agent_after_target(x, n->tend, 0, &src);
    /* "received a complaint from Kelpex against Zentara": the noun's own
       target after its source */
    size_t q = src.n ? skip_right(x, src.end) : 0;
    if (frame_prep(x, n->tr->frame & RN_FRAME_AGAINST, q) || x_is(x, q, "about"))
        collect_right(x, q + 1, &tgt);
    enum rn_polarity pol = n->pol;
    set_pol(&pol, g.pol);
    n->rc = src.n && tgt.n ? emit_all(x, n->c, n->tr->relation, &src, &tgt, pol, 0.75) : RN_OK;
    return 1;
}

static const struct rel_case noun_readings[] = {
    CASE(reported_blame, RN_FRAME_COPULA),
    CASE(compound_proposal, RN_FRAME_COMPOUND),
    CASE(signatories, RN_FRAME_MEMBERS),
    CASE(put_on_list, RN_FRAME_LIST),
    CASE(relative_light, 0),
    CASE(owner_proposes, RN_FRAME_OWNER),
    CASE(noun_lists, 0),
    CASE(denied_accusation, 0),
    CASE(traded_accusations, 0),
    CASE(given_noun, 0),
    CASE(undergone_noun, 0),
    CASE(prepositional_noun, 0),
};

/* A noun trigger: the first of its readings that applies. */
static int do_noun(struct rn_extractor *x, struct relctx *c, const struct rn_trigger *tr, size_t t,
                   size_t tend)
{
    struct noun_read n;
    n.x = x;
    n.c = c;
    n.tr = tr;
    n.t = t;
    n.tend = tend;
    n.pol = tr->polarity;
    side_init(&n.src);
    side_init(&n.tgt);
    n.k = 0;
    n.premod = XNONE;
    n.rc = RN_OK;
    n.fired = NULL;
    run_cases(noun_readings, NCASES(noun_readings), &n, tr->frame, &n.fired);
    return n.rc;
}

/* How trigger tr at t is read: 1 as a noun, 0 as a verb, -1 not at all
   (noun: the word is used as a noun here). */
static int trigger_reading(const struct rn_extractor *x, const struct rn_trigger *tr, size_t t, int noun)
{
    int want_noun = tr->pos == RN_POS_NOUN;
    if (tr->frame & RN_FRAME_COMPOUND)
        want_noun = owned_participle(x, t);
    else if (want_noun && x_ends_with(x, t, "ed")) /* "proposed" is no "proposal" */
        return -1;
    else if (tr->frame & (RN_FRAME_COPULA | RN_FRAME_LIST))
        want_noun = 1;
    else if (want_noun != noun)
        return -1;
    if ((tr->frame & RN_FRAME_COMPOUND) && !want_noun)
        return -1;
    return want_noun;
}

/* A one-word verb trigger is matched by stem: a word WordNet knows in no
   verb form is another word ("authority" is no form of "author"). */
static int no_verb_form(const struct rn_extractor *x, size_t t)
{
    int pos = x_pos(x, t);
    return pos && !(pos & RN_WP_VERB);
}

/* One trigger read, as a noun, a reported-speech verb or a verb, with its
   account for --explain. */
static int read_trigger(struct rn_extractor *x, struct relctx *c, const struct rn_trigger *tr, size_t t,
                        size_t tend, int as_noun)
{
    x_explain_trigger(x, tr, t, tend, as_noun);
    size_t before = x->nhist;
    int rc;
    if (as_noun)
        rc = do_noun(x, c, tr, t, tend);
    else if (tr->frame & RN_FRAME_REPORTED)
        rc = do_reported(x, c, tr, t, tend);
    else
        rc = do_verb(x, c, tr, t, tend);
    x_explain_result(x, x->nhist - before);
    return rc;
}

/* The triggers the lexicon finds at word t, the longest phrase first
   (*any_trigger set when there is one). */
static int triggers_at(struct rn_extractor *x, struct relctx *c, size_t t, int *any_trigger)
{
    const struct rn_trigger *tr[8];
    uint32_t nt[8];
    size_t n = rn_lexicon_triggers(x->lex, x->wc, &x->tok, t, x->tok.len, tr, nt, 8);
    if (!n)
        return RN_OK;
    *any_trigger = 1;
    /* a capitalised trigger inside a name ("Signal", "Ban Ki-moon") is part
       of the name */
    uint32_t mi = mention_at(x, t);
    int inside = mi != XNONE && (x->m[mi].kind == MK_ACTOR || x->m[mi].kind == MK_GROUP) &&
                 !x->m[mi].resolved;
    /* a word no noun trigger knows is read as a verb ("Norway shut down X") */
    int has_noun = 0;
    for (size_t k = 0; k < n; k++)
        has_noun |= tr[k]->pos == RN_POS_NOUN &&
                    !(tr[k]->frame & (RN_FRAME_COMPOUND | RN_FRAME_COPULA | RN_FRAME_LIST));
    int noun = has_noun && used_as_noun(x, t);
    size_t used = 0;
    int rc = RN_OK;
    for (size_t k = 0; k < n && rc == RN_OK; k++) {
        /* ... unless the name is the trigger itself ("its Entity List") */
        if (inside && !(x->m[mi].a == t && x->m[mi].b == t + nt[k] && x->m[mi].ent != XNONE &&
                        x->ents[x->m[mi].ent].lex == RN_LEX_NONE && (tr[k]->frame & RN_FRAME_LIST))) {
            if (k == 0)
                x_explain_skip(x, t, "part of a name");
            continue;
        }
        int as_noun = trigger_reading(x, tr[k], t, noun);
        if (as_noun < 0 || (!as_noun && nt[k] == 1 && no_verb_form(x, t)))
            continue;
        if (used && nt[k] < used)
            continue; /* a longer phrase already matched here */
        used = nt[k];
        rc = read_trigger(x, c, tr[k], t, t + nt[k], as_noun);
    }
    if (!used && !inside)
        x_explain_skip(x, t, noun ? "used as a noun here, and no noun trigger matches"
                                  : "used as a verb here, and no verb trigger matches");
    return rc;
}

int x_relations(struct rn_extractor *x)
{
    struct relctx c;
    c.ndone = 0;
    x->main_subject = main_subject(x);
    x->nmain = MAIN_LIST_UNREAD;
    int rc = pending_members(x, &c, 0);
    if (rc != RN_OK)
        return rc;
    if (x->pending.active && x->pending.sent_no + PENDING_LIST_SENTS < x->sent_no)
        x->pending.active = 0;
    int any_trigger = 0;
    for (size_t t = 0; t < x->tok.len && rc == RN_OK; t++)
        if (x_is_word(x, t))
            rc = triggers_at(x, &c, t, &any_trigger);
    if (!any_trigger)
        x_explain_no_trigger(x);
    uint32_t sp = speaker_outside(x, x->tok.len, x->tok.len);
    if (sp != XNONE && x->ents[sp].type != RN_ETYPE_DOCUMENT) {
        x->speaker = sp;
        x->speaker_sent = x->sent_no;
    }
    return rc;
}
