/* lexicon.c - actors, triggers and cues; gazetteer and stemming (see relnet/lexicon.h).
 *
 * Three hash tables (rn_strtab) carry the matching:
 *   gaz_keys   "norm norm ..." of every name, alias, demonym and surname
 *   gaz_words  every word of those, with the lengths of the names it
 *              starts and the places it holds in names, so a word that
 *              starts no name costs one lookup, and a longer name is
 *              looked up only where each of its words stands in place
 *   stems      Snowball stems of trigger and cue words; each stem heads a
 *              list of the phrases (triggers and cues) that start with it
 * The per-thread struct rn_wordcache memoises word -> (stem, facts), so the
 * stemmer runs once per distinct word, not once per token.
 */
#include "relnet/lexicon.h"
#include "relnet/pos.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/strtab.h"
#include "relnet/text.h"

#include <errno.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PHRASE_MAX 6      /* words in one trigger or cue phrase */
#define GAZ_MAX_TOKENS 12 /* tokens in one name */
#define STEM_POSS_ANY (RN_LEX_NONE - 1) /* "one's" in a phrase: any possessive determiner */

/* A word of the gazetteer's names: the token counts (bit n: n tokens) of
   the names starting with it (lens), and of those whose first word may be
   in lower case (lens_lc): a word in lower case tries only the second,
   most often none ("may", "new", "white" start names only when
   capitalised); a match looks up only the lengths a name has. inner: the
   places k >= 1 (bit k) at which it is the k-th word of a name (0 first),
   so that a name of n words is looked up only where the n - 1 words after
   the first stand where a name has them. */
struct gaz_word {
    uint16_t lens, lens_lc, inner;
};
/* inner of a word no name's words can be told apart from (its normal form
   holds a space, so it is no one word of a key): any place */
#define GAZ_ANY_PLACE 0xFFFFu

struct gaz_entry {
    uint32_t actor;
    uint32_t ntok;
    uint32_t cap_mask;   /* token k must be capitalised */
    uint32_t upper_mask; /* token k must be all capitals */
    enum rn_gaz_kind kind;
};

enum phrase_kind { PH_TRIGGER, PH_CUE, PH_KINDS };

struct phrase {
    enum phrase_kind kind;
    uint32_t index; /* trigger index, or cue class */
    const char *value;
    uint32_t ntok;
    uint32_t stems[PHRASE_MAX];
    uint32_t next; /* next phrase of its kind with the same first stem, or RN_LEX_NONE */
};

struct rn_lexicon {
    struct rn_strtab *strings; /* storage for names and values */
    struct rn_lex_actor *actors;
    char **aff_names; /* affiliation names until resolved */
    size_t nactors, actors_cap;

    struct rn_strtab *actor_keys; /* rn_text_key(name or alias) -> actor */
    uint32_t *actor_key_to;
    size_t actor_key_cap;

    struct rn_strtab *gaz_keys;
    struct gaz_entry *gaz;
    size_t gaz_cap;
    struct rn_strtab *gaz_words;
    struct gaz_word *gaz_word; /* gaz_words id -> what it is in names */
    size_t gaz_word_cap;

    struct rn_strtab *stems;
    /* stem id -> first phrase of each kind: a trigger lookup, made at most
       tokens, never walks past cue phrases, nor a cue lookup past triggers */
    uint32_t *stem_head[PH_KINDS];
    uint64_t *stem_cuebits; /* stem id -> cue classes starting with it */
    size_t stems_cap;
    struct phrase *phrases;
    size_t nphrases, phrases_cap;

    struct rn_trigger *triggers;
    size_t ntriggers, triggers_cap;

    struct rn_strtab *closed; /* words.tsv: word -> closed_bits */
    struct rn_pos_dict *pos;  /* WordNet's open classes, or NULL where it is not installed */
    uint32_t *closed_bits;    /* enum rn_word_class bits */
    size_t closed_cap;

    struct sb_stemmer *stemmer; /* only while loading */
};

struct wordinfo {
    uint32_t stem; /* lexicon stem id or RN_LEX_NONE */
    uint32_t gaz1; /* the gazetteer entry of the one-word name this word is, or RN_LEX_NONE */
    uint64_t cuebits;
    uint32_t tag;  /* the caller's tagger's value */
    struct gaz_word gw; /* the gazetteer's gaz_word */
};

/* The word memo's front: a table of words of up to 16 bytes (nearly all
   tokens) held as a zero-padded 128-bit key, so that the memo's hit, made
   at every token, is a multiply and two compares instead of hashing the
   word and comparing its bytes in the string table. Two-way: a word may
   sit in either slot of its pair (one cache line), the one used last
   first, so that two frequent words sharing a pair do not evict each
   other. */
#define FRONT_BITS 13
#define FRONT_KEY_MAX 16
struct front_key {
    uint64_t lo, hi; /* the word's bytes, zero-padded; lo 0: no key */
};
struct front_slot {
    struct front_key key; /* lo 0: empty */
    uint32_t id;          /* its id in rn_wordcache.words */
    uint32_t unused;      /* (a pair fills one 64-byte line) */
};

struct rn_wordcache {
    const struct rn_lexicon *lex;
    struct sb_stemmer *stemmer;
    struct rn_strtab *words;
    struct front_slot *front; /* 1 << FRONT_BITS slots, ids in words */
    struct wordinfo *info;
    size_t cap;
    /* facts of the tokens of the sentence being read (rn_wordcache_prepare),
       known by their generation (0: none) */
    unsigned long prepared_gen;
    struct wordinfo *tinfo;
    size_t tcap;
    uint32_t (*tagger)(void *ctx, const char *word, size_t len);
    void *tagger_ctx;
};

#define WORDCACHE_LIMIT 2000000u

/* ---- growable arrays ------------------------------------------------------ */


static const char *store(struct rn_lexicon *lex, const char *s)
{
    uint32_t id;
    if (rn_strtab_intern(lex->strings, s, strlen(s), &id, NULL) != RN_OK)
        return NULL;
    return rn_strtab_str(lex->strings, id);
}

/* ---- stems ------------------------------------------------------------------ */

static int stem_word(struct sb_stemmer *st, const char *w, size_t len, struct rn_buf *out)
{
    rn_buf_reset(out);
    const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)w, (int)len);
    int n = sb_stemmer_length(st);
    if (!s || n < 0)
        return RN_ENOMEM;
    return rn_buf_add(out, s, (size_t)n);
}

static int stem_id(struct rn_lexicon *lex, const char *w, size_t len, uint32_t *id)
{
    struct rn_buf b = RN_BUF_INIT;
    int rc = stem_word(lex->stemmer, w, len, &b);
    if (rc == RN_OK)
        rc = rn_strtab_intern(lex->stems, rn_buf_str(&b), b.len, id, NULL);
    rn_buf_release(&b);
    if (rc != RN_OK)
        return rc;
    size_t n = rn_strtab_count(lex->stems);
    /* the per-stem arrays share one capacity: each grows from the old one */
    size_t old = lex->stems_cap, cap = old;
    if (rn_array_reserve((void **)&lex->stem_cuebits, &cap, n, sizeof *lex->stem_cuebits, 64) != RN_OK)
        return RN_ENOMEM;
    for (int kind = 0; kind < PH_KINDS; kind++) {
        size_t kcap = old;
        uint32_t **head = &lex->stem_head[kind];
        if (rn_array_reserve((void **)head, &kcap, n, sizeof **head, 64) != RN_OK)
            return RN_ENOMEM;
        for (size_t k = old; k < kcap; k++)
            (*head)[k] = RN_LEX_NONE;
    }
    lex->stems_cap = cap;
    return RN_OK;
}

/* Tokenize a phrase and intern the stems of its words. "one's" (not
   first) stands for any possessive determiner: "put one's name to" matches
   "put its name to" and "put their names to". */
static int phrase_stems(struct rn_lexicon *lex, const char *text, uint32_t *stems, uint32_t *n,
                        struct rn_err *err, const char *where)
{
    struct rn_tokens t = RN_TOKENS_INIT;
    int rc = rn_tokenize(text, 0, strlen(text), &t);
    *n = 0;
    for (size_t i = 0; rc == RN_OK && i < t.len; i++) {
        if (!(t.items[i].flags & (RN_TOK_WORD | RN_TOK_POSS)))
            continue; /* "Sen." and "put forward," : punctuation is not matched */
        if (*n == PHRASE_MAX) {
            rc = rn_fail(err, RN_EINPUT, "%s: phrase longer than %d words", where, PHRASE_MAX);
            break;
        }
        if (*n > 0 && rn_token_is(&t, i, "one") && i + 1 < t.len &&
            (t.items[i + 1].flags & RN_TOK_POSS)) {
            stems[(*n)++] = STEM_POSS_ANY;
            i++;
            continue;
        }
        rc = stem_id(lex, rn_token_norm(&t, i), t.items[i].norm_len, &stems[(*n)++]);
    }
    rn_tokens_release(&t);
    if (rc == RN_OK && *n == 0)
        rc = rn_fail(err, RN_EINPUT, "%s: empty phrase", where);
    return rc;
}

static int add_phrase(struct rn_lexicon *lex, enum phrase_kind kind, uint32_t index,
                      const char *value, const char *text, struct rn_err *err, const char *where)
{
    struct phrase ph;
    memset(&ph, 0, sizeof ph);
    ph.kind = kind;
    ph.index = index;
    ph.value = value;
    int rc = phrase_stems(lex, text, ph.stems, &ph.ntok, err, where);
    if (rc != RN_OK)
        return rc;
    if (rn_array_reserve((void **)&lex->phrases, &lex->phrases_cap, lex->nphrases + 1, sizeof *lex->phrases, 64))
        return RN_ENOMEM;
    /* Keep each stem's list longest first, so the first match is the longest. */
    uint32_t *link = &lex->stem_head[kind][ph.stems[0]];
    while (*link != RN_LEX_NONE && lex->phrases[*link].ntok >= ph.ntok)
        link = &lex->phrases[*link].next;
    ph.next = *link;
    *link = (uint32_t)lex->nphrases;
    lex->phrases[lex->nphrases++] = ph;
    if (kind == PH_CUE)
        lex->stem_cuebits[ph.stems[0]] |= UINT64_C(1) << index;
    return RN_OK;
}

/* ---- actors and the gazetteer ------------------------------------------------ */

static int add_actor_key(struct rn_lexicon *lex, const char *name, uint32_t actor)
{
    struct rn_buf key = RN_BUF_INIT;
    int rc = rn_text_key(name, strlen(name), &key);
    uint32_t id;
    int added = 0;
    if (rc == RN_OK && key.len)
        rc = rn_strtab_intern(lex->actor_keys, key.data, key.len, &id, &added);
    rn_buf_release(&key);
    if (rc != RN_OK || !added)
        return rc;
    if (rn_array_reserve((void **)&lex->actor_key_to, &lex->actor_key_cap, id + 1, sizeof(uint32_t), 64))
        return RN_ENOMEM;
    lex->actor_key_to[id] = actor;
    return RN_OK;
}

/* The gaz_word of word w (n bytes), made when new; NULL when out of
   memory. */
static struct gaz_word *gaz_word_of(struct rn_lexicon *lex, const char *w, size_t n)
{
    uint32_t id;
    if (rn_strtab_intern(lex->gaz_words, w, n, &id, NULL) != RN_OK ||
        rn_array_reserve((void **)&lex->gaz_word, &lex->gaz_word_cap, id + 1,
                         sizeof *lex->gaz_word, 64) != RN_OK)
        return NULL;
    return &lex->gaz_word[id];
}

/* Record a name of ntok tokens: its first token's normal form (first)
   starts it (in lower case too when lower_ok); the words of its key (the
   tokens' normal forms joined by spaces) after the first stand at their
   places (a token whose form holds a space makes the places after it
   differ from the sentence's tokens: the matcher does not tell such forms
   apart, GAZ_ANY_PLACE). */
static int add_gaz_words(struct rn_lexicon *lex, const char *first, const char *key, size_t len,
                         uint32_t ntok, int lower_ok)
{
    struct gaz_word *gw = gaz_word_of(lex, first, strlen(first));
    if (!gw)
        return RN_ENOMEM;
    gw->lens |= (uint16_t)(1u << ntok);
    if (lower_ok)
        gw->lens_lc |= (uint16_t)(1u << ntok);
    size_t k = 0;
    for (const char *w = key, *end = key + len; w < end; k++) {
        const char *sp = memchr(w, ' ', (size_t)(end - w));
        size_t wl = sp ? (size_t)(sp - w) : (size_t)(end - w);
        if (k > 0 && k < 16) {
            if (!(gw = gaz_word_of(lex, w, wl)))
                return RN_ENOMEM;
            gw->inner |= (uint16_t)(1u << k);
        }
        w += wl + 1;
    }
    return RN_OK;
}

/* Add a gazetteer entry for text; a leading "the" is dropped ("the
   Kremlin" is matched as "Kremlin", the determiner is the extractor's). */
static int add_gaz(struct rn_lexicon *lex, const char *text, uint32_t actor, enum rn_gaz_kind kind)
{
    struct rn_tokens t = RN_TOKENS_INIT;
    struct rn_buf key = RN_BUF_INIT;
    int rc = rn_tokenize(text, 0, strlen(text), &t);
    size_t first = 0;
    if (rc == RN_OK && t.len > 1 && rn_token_is(&t, 0, "the"))
        first = 1;
    struct gaz_entry e = { actor, 0, 0, 0, kind };
    for (size_t i = first; rc == RN_OK && i < t.len; i++) {
        uint32_t fl = t.items[i].flags;
        if (e.ntok == GAZ_MAX_TOKENS)
            goto out; /* too long to be a name: ignore */
        if (key.len)
            rc = rn_buf_addc(&key, ' ');
        if (rc == RN_OK)
            rc = rn_buf_adds(&key, rn_token_norm(&t, i));
        if ((fl & RN_TOK_WORD) && (fl & RN_TOK_CAP))
            e.cap_mask |= 1u << e.ntok;
        if ((fl & RN_TOK_WORD) && (fl & RN_TOK_UPPER) && t.items[i].end - t.items[i].start >= 2)
            e.upper_mask |= 1u << e.ntok;
        e.ntok++;
    }
    if (rc != RN_OK || e.ntok == 0)
        goto out;
    uint32_t id;
    int added = 0;
    rc = rn_strtab_intern(lex->gaz_keys, key.data, key.len, &id, &added);
    if (rc != RN_OK || !added)
        goto out; /* the first entry for a form wins */
    if ((rc = rn_array_reserve((void **)&lex->gaz, &lex->gaz_cap, id + 1, sizeof *lex->gaz, 64)) != RN_OK)
        goto out;
    lex->gaz[id] = e;
    rc = add_gaz_words(lex, rn_token_norm(&t, first), key.data, key.len, e.ntok,
                       !((e.cap_mask | e.upper_mask) & 1u));
out:
    rn_tokens_release(&t);
    rn_buf_release(&key);
    return rc;
}

static int add_forms(struct rn_lexicon *lex, const char *list, uint32_t actor,
                     enum rn_gaz_kind kind)
{
    const char *p = list;
    char tmp[512];
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        while (n && (*p == ' '))
            p++, n--;
        while (n && p[n - 1] == ' ')
            n--;
        if (n && n < sizeof tmp) {
            memcpy(tmp, p, n);
            tmp[n] = '\0';
            int rc = add_gaz(lex, tmp, actor, kind);
            if (rc == RN_OK && kind != RN_GAZ_DEMONYM)
                rc = add_actor_key(lex, tmp, actor);
            if (rc != RN_OK)
                return rc;
        }
        if (!bar)
            break;
        p = bar + 1;
    }
    return RN_OK;
}

/* "Wang Yi" can later be "Wang", "Jeremy Hunt" "Hunt": both ends of a
   person's name become surname entries (the first one registered wins). */
static int add_surnames(struct rn_lexicon *lex, const char *name, uint32_t actor)
{
    struct rn_tokens t = RN_TOKENS_INIT;
    int rc = rn_tokenize(name, 0, strlen(name), &t);
    if (rc == RN_OK && t.len >= 2) {
        size_t ends[2] = { t.len - 1, 0 };
        for (int k = 0; k < 2 && rc == RN_OK; k++) {
            const struct rn_token *tk = &t.items[ends[k]];
            if (!(tk->flags & RN_TOK_CAP) || tk->end - tk->start < 2 || (tk->flags & RN_TOK_DOTS))
                continue;
            char w[128];
            size_t n = tk->end - tk->start;
            if (n >= sizeof w)
                continue;
            memcpy(w, name + tk->start, n);
            w[n] = '\0';
            rc = add_gaz(lex, w, actor, RN_GAZ_SURNAME);
        }
    }
    rn_tokens_release(&t);
    return rc;
}

static uint32_t find_key(const struct rn_lexicon *lex, const char *name)
{
    struct rn_buf key = RN_BUF_INIT;
    uint32_t id, out = RN_LEX_NONE;
    if (rn_text_key(name, strlen(name), &key) == RN_OK && key.len &&
        rn_strtab_find(lex->actor_keys, key.data, key.len, &id) == RN_OK)
        out = lex->actor_key_to[id];
    rn_buf_release(&key);
    return out;
}

uint32_t rn_lexicon_find_actor(const struct rn_lexicon *lex, const char *name)
{
    return find_key(lex, name);
}

/* ---- file loading ---------------------------------------------------------- */

enum file_kind { F_UNKNOWN, F_ACTORS, F_RELATIONS, F_CUES, F_WORDS };

static const char *field(const struct rn_csv_row *row, size_t i)
{
    return i < row->nfields ? row->fields[i] : "";
}

static int load_actor_row(struct rn_lexicon *lex, const struct rn_csv_row *row, const char *path,
                          struct rn_err *err)
{
    const char *name = field(row, 0), *type = field(row, 1);
    if (!name[0])
        return rn_fail(err, RN_EINPUT, "%s:%ld: empty actor name", path, row->line);
    enum rn_etype et;
    if (rn_etype_parse(type, &et) != RN_OK)
        return rn_fail(err, RN_EINPUT,
                       "%s:%ld: unknown actor type '%s' (expected country, organization, "
                       "company, person or group)",
                       path, row->line, type);
    uint32_t idx = find_key(lex, name);
    if (idx == RN_LEX_NONE || strcmp(lex->actors[idx].name, name) != 0) {
        idx = (uint32_t)lex->nactors;
        size_t cap = lex->actors_cap;
        if (rn_array_reserve((void **)&lex->actors, &lex->actors_cap, idx + 1, sizeof *lex->actors, 64) ||
            rn_array_reserve((void **)&lex->aff_names, &cap, idx + 1, sizeof *lex->aff_names, 64))
            return RN_ENOMEM;
        lex->nactors++;
        struct rn_lex_actor *a = &lex->actors[idx];
        a->name = store(lex, name);
        if (!a->name)
            return RN_ENOMEM;
        a->name_len = strlen(name);
        a->type = et;
        a->affiliation = RN_LEX_NONE;
        a->demonym = NULL;
        int rc = add_gaz(lex, name, idx, RN_GAZ_NAME);
        if (rc == RN_OK)
            rc = add_actor_key(lex, name, idx);
        if (rc == RN_OK && et == RN_ETYPE_PERSON)
            rc = add_surnames(lex, name, idx);
        if (rc != RN_OK)
            return rc;
    }
    const char *aff = field(row, 2);
    if (aff[0] && !lex->aff_names[idx]) {
        lex->aff_names[idx] = strdup(aff);
        if (!lex->aff_names[idx])
            return RN_ENOMEM;
    }
    int rc = add_forms(lex, field(row, 3), idx, RN_GAZ_ALIAS);
    if (rc == RN_OK)
        rc = add_forms(lex, field(row, 4), idx, RN_GAZ_DEMONYM);
    const char *dem = field(row, 4);
    if (rc == RN_OK && dem[0] && !lex->actors[idx].demonym) {
        char tmp[128];
        size_t n = strcspn(dem, "|");
        if (n < sizeof tmp) {
            memcpy(tmp, dem, n);
            tmp[n] = '\0';
            lex->actors[idx].demonym = store(lex, tmp);
        }
    }
    return rc;
}

/* Frame names (relations.tsv column "frame"), for reading and writing. */
static const struct {
    const char *name;
    uint32_t bit;
} frame_names[] = {
    { "obj", RN_FRAME_OBJ },         { "loc", RN_FRAME_LOC },
    { "on", RN_FRAME_ON },           { "to", RN_FRAME_TO },
    { "against", RN_FRAME_AGAINST }, { "noun-on", RN_FRAME_NOUN_ON },
    { "of", RN_FRAME_OF },           { "from", RN_FRAME_FROM },
    { "premod", RN_FRAME_PREMOD },   { "copula", RN_FRAME_COPULA },
    { "list", RN_FRAME_LIST },       { "members", RN_FRAME_MEMBERS },
    { "compound", RN_FRAME_COMPOUND }, { "out", RN_FRAME_OUT },
    { "reported", RN_FRAME_REPORTED }, { "owner", RN_FRAME_OWNER },
    { "market", RN_FRAME_MARKET },   { "for-wrong", RN_FRAME_FOR_WRONG },
    { "wrong-obj", RN_FRAME_WRONG_OBJ },
};
#define NFRAME_NAMES (sizeof frame_names / sizeof frame_names[0])

const char *rn_frame_text(uint32_t frame, char *out, size_t n)
{
    size_t len = 0;
    if (n)
        out[0] = '\0';
    for (size_t k = 0; k < NFRAME_NAMES; k++) {
        if (!(frame & frame_names[k].bit))
            continue;
        int w = snprintf(out + len, n > len ? n - len : 0, "%s%s", len ? "," : "",
                         frame_names[k].name);
        if (w < 0 || len + (size_t)w >= n)
            break;
        len += (size_t)w;
    }
    return out;
}

static int parse_frame(const char *s, uint32_t *out)
{
    *out = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        size_t k;
        for (k = 0; k < NFRAME_NAMES; k++)
            if (strlen(frame_names[k].name) == n && strncmp(frame_names[k].name, s, n) == 0)
                break;
        if (k == NFRAME_NAMES)
            return RN_EINPUT;
        *out |= frame_names[k].bit;
        s += n;
        if (*s == ',')
            s++;
    }
    return RN_OK;
}

static int load_relation_row(struct rn_lexicon *lex, const struct rn_csv_row *row,
                             const char *path, struct rn_err *err)
{
    char rel[128], where[600];
    snprintf(where, sizeof where, "%s:%ld", path, row->line);
    if (rn_relation_normalize(field(row, 0), rel, sizeof rel) != RN_OK)
        return rn_fail(err, RN_EINPUT, "%s: bad relation name '%s'", where, field(row, 0));
    struct rn_trigger tr;
    memset(&tr, 0, sizeof tr);
    const char *pos = field(row, 1);
    if (strcmp(pos, "verb") == 0)
        tr.pos = RN_POS_VERB;
    else if (strcmp(pos, "noun") == 0)
        tr.pos = RN_POS_NOUN;
    else
        return rn_fail(err, RN_EINPUT, "%s: pos must be verb or noun, not '%s'", where, pos);
    if (parse_frame(field(row, 3), &tr.frame) != RN_OK || !tr.frame)
        return rn_fail(err, RN_EINPUT, "%s: bad frame '%s' (see data/lexicon/README.md)", where,
                       field(row, 3));
    const char *target = field(row, 4);
    if (!target[0] || strcmp(target, "any") == 0)
        tr.target = RN_TARGET_ANY;
    else if (strcmp(target, "actor") == 0)
        tr.target = RN_TARGET_ACTOR;
    else if (strcmp(target, "document") == 0 || strcmp(target, "proposal") == 0) {
        tr.target = RN_TARGET_DOCUMENT;
        tr.phrase = target[0] == 'p';
    }
    else if (strncmp(target, "document:", 9) == 0 && target[9]) {
        tr.target = RN_TARGET_DOCUMENT;
        if (!(tr.families = store(lex, target + 9)))
            return RN_ENOMEM;
    } else
        return rn_fail(err, RN_EINPUT,
                       "%s: target must be any, actor, document, proposal or document:FAMILY|..., not '%s'",
                       where, target);
    if (rn_polarity_parse(field(row, 5), &tr.polarity) != RN_OK)
        return rn_fail(err, RN_EINPUT, "%s: bad polarity '%s'", where, field(row, 5));
    tr.relation = store(lex, rel);
    if (!tr.relation)
        return RN_ENOMEM;
    if (rn_array_reserve((void **)&lex->triggers, &lex->triggers_cap, lex->ntriggers + 1, sizeof tr, 64))
        return RN_ENOMEM;
    lex->triggers[lex->ntriggers] = tr;
    int rc = add_phrase(lex, PH_TRIGGER, (uint32_t)lex->ntriggers, "", field(row, 2), err, where);
    if (rc == RN_OK)
        lex->ntriggers++;
    return rc;
}

/* cue classes are bits of a uint64_t (per stem, per token) */
_Static_assert(RN_CUE_COUNT <= 64, "more cue classes than bits in a cue mask");

static const char *const cue_names[RN_CUE_COUNT] = {
    "neg",   "hedge", "ctrl",  "objctrl", "hedge-adj", "speech",  "gov",     "inst",    "func",
    "title", "honorific", "desc", "dochead", "orghead", "light", "cancel", "stay", "adv",
    "notname", "include", "member", "gender", "time", "deal", "rank", "product", "enlist",
    "listhead", "listverb", "agent", "market", "pending", "effort", "mutual",
    "acronym", "joiner", "cause", "recip", "source", "dative", "undergo", "deem", "ellipsis", "naming",
    "titlemod",
    "finding",
    "judicial",
    "wrong",
    "author",
};

static int load_cue_row(struct rn_lexicon *lex, const struct rn_csv_row *row, const char *path,
                        struct rn_err *err)
{
    char where[600];
    snprintf(where, sizeof where, "%s:%ld", path, row->line);
    const char *cls = field(row, 0);
    int k;
    for (k = 0; k < RN_CUE_COUNT; k++)
        if (strcmp(cue_names[k], cls) == 0)
            break;
    if (k == RN_CUE_COUNT)
        return rn_fail(err, RN_EINPUT, "%s: unknown cue class '%s'", where, cls);
    const char *value = store(lex, field(row, 2));
    if (!value)
        return RN_ENOMEM;
    return add_phrase(lex, PH_CUE, (uint32_t)k, value, field(row, 1), err, where);
}

/* Closed classes by name (words.tsv column "class"), in enum rn_word_class
   bit order. */
static const char *const word_class_names[] = {
    "det", "prep", "conj", "wh", "be", "aux", "he", "it", "they", "num", "we", "def", "indef",
    "part", "ref", "self",
};

static int load_word_row(struct rn_lexicon *lex, const struct rn_csv_row *row, const char *path,
                         struct rn_err *err)
{
    const char *cls = field(row, 0), *word = field(row, 1);
    size_t k, n = sizeof word_class_names / sizeof word_class_names[0];
    for (k = 0; k < n; k++)
        if (strcmp(word_class_names[k], cls) == 0)
            break;
    if (k == n)
        return rn_fail(err, RN_EINPUT,
                       "%s:%ld: unknown word class '%s' (expected det, prep, conj, wh, be, aux, "
                       "he, it, they, num, we, def, indef, part or ref)",
                       path, row->line, cls);
    if (!word[0] || strchr(word, ' '))
        return rn_fail(err, RN_EINPUT, "%s:%ld: expected one lowercase word after the class",
                       path, row->line);
    uint32_t id;
    int added = 0;
    if (rn_strtab_intern(lex->closed, word, strlen(word), &id, &added) != RN_OK ||
        rn_array_reserve((void **)&lex->closed_bits, &lex->closed_cap, id + 1,
                         sizeof *lex->closed_bits, 64) != RN_OK)
        return RN_ENOMEM;
    lex->closed_bits[id] |= 1u << k;
    return RN_OK;
}

uint32_t rn_lexicon_word_classes(const struct rn_lexicon *lex, const char *word, size_t len)
{
    uint32_t id;
    if (rn_strtab_find(lex->closed, word, len, &id) != RN_OK)
        return 0;
    return lex->closed_bits[id];
}

static enum file_kind header_kind(const struct rn_csv_row *row)
{
    const char *a = field(row, 0), *b = field(row, 1);
    if (strcasecmp(a, "name") == 0 && strcasecmp(b, "type") == 0)
        return F_ACTORS;
    if (strcasecmp(a, "relation") == 0 && strcasecmp(b, "pos") == 0)
        return F_RELATIONS;
    if (strcasecmp(a, "class") == 0 && strcasecmp(b, "phrase") == 0)
        return F_CUES;
    if (strcasecmp(a, "class") == 0 && strcasecmp(b, "word") == 0)
        return F_WORDS;
    return F_UNKNOWN;
}

static int resolve_affiliations(struct rn_lexicon *lex, struct rn_err *err)
{
    for (size_t i = 0; i < lex->nactors; i++) {
        if (!lex->aff_names[i])
            continue;
        uint32_t a = find_key(lex, lex->aff_names[i]);
        if (a == RN_LEX_NONE || a == i)
            return rn_fail(err, RN_EINPUT, "actor '%s': affiliation '%s' is not an actor",
                           lex->actors[i].name, lex->aff_names[i]);
        lex->actors[i].affiliation = a;
    }
    return RN_OK;
}

int rn_lexicon_add_file(struct rn_lexicon *lex, const char *path, struct rn_err *err)
{
    struct rn_csv_options opt = { .delimiter = '\t', .no_quotes = 1, .skip_comments = 1 };
    struct rn_csv_reader *r = NULL;
    int rc = rn_csv_open(path, &opt, &r, err);
    if (rc != RN_OK)
        return rc;
    lex->stemmer = sb_stemmer_new("english", NULL);
    if (!lex->stemmer) {
        rn_csv_close(r);
        return rn_fail(err, RN_ENOMEM, "cannot create the English stemmer");
    }
    struct rn_csv_row row;
    enum file_kind kind = F_UNKNOWN;
    int first = 1;
    for (;;) {
        rc = rn_csv_next(r, &row, err);
        if (rc == 0) {
            rc = RN_OK;
            break;
        }
        if (rc < 0)
            break;
        if (first) {
            first = 0;
            kind = header_kind(&row);
            if (kind == F_UNKNOWN) {
                rc = rn_fail(err, RN_EINPUT,
                             "%s:%ld: expected a header row 'name\\ttype...', "
                             "'relation\\tpos...', 'class\\tphrase...' or 'class\\tword'",
                             path, row.line);
                break;
            }
            continue;
        }
        if (kind == F_ACTORS)
            rc = load_actor_row(lex, &row, path, err);
        else if (kind == F_RELATIONS)
            rc = load_relation_row(lex, &row, path, err);
        else if (kind == F_CUES)
            rc = load_cue_row(lex, &row, path, err);
        else
            rc = load_word_row(lex, &row, path, err);
        if (rc == RN_ENOMEM)
            rn_fail(err, rc, "%s:%ld: out of memory", path, row.line);
        if (rc != RN_OK)
            break;
    }
    rn_csv_close(r);
    sb_stemmer_delete(lex->stemmer);
    lex->stemmer = NULL;
    if (rc == RN_OK && first)
        rc = rn_fail(err, RN_EINPUT, "%s: empty lexicon file", path);
    if (rc == RN_OK && kind == F_ACTORS)
        rc = resolve_affiliations(lex, err);
    return rc;
}

int rn_lexicon_new(struct rn_lexicon **out, struct rn_err *err)
{
    struct rn_lexicon *lex = calloc(1, sizeof *lex);
    *out = NULL;
    if (!lex)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    lex->strings = rn_strtab_new();
    lex->actor_keys = rn_strtab_new();
    lex->gaz_keys = rn_strtab_new();
    lex->gaz_words = rn_strtab_new();
    lex->stems = rn_strtab_new();
    lex->closed = rn_strtab_new();
    if (!lex->strings || !lex->actor_keys || !lex->gaz_keys || !lex->gaz_words || !lex->stems ||
        !lex->closed) {
        rn_lexicon_free(lex);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    *out = lex;
    return RN_OK;
}

int rn_lexicon_load(const char *dir, struct rn_lexicon **out, struct rn_err *err)
{
    /* words.tsv and relations.tsv are required: without the closed classes
       or the triggers nothing would be found, silently */
    static const struct {
        const char *name;
        const char *without;
    } files[] = {
        { "actors.tsv", NULL },
        { "cues.tsv", NULL },
        { "words.tsv", "no closed word classes" },
        { "relations.tsv", "no relation triggers" },
    };
    struct rn_lexicon *lex;
    int rc = rn_lexicon_new(&lex, err);
    if (rc != RN_OK)
        return rc;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        FILE *f = fopen(path, "r");
        if (!f) {
            if (!files[i].without)
                continue;
            int errnum = errno;
            rn_lexicon_free(lex);
            return rn_fail(err, rn_open_status(errnum), "cannot open %s: %s (%s)", path,
                           strerror(errnum), files[i].without);
        }
        fclose(f);
        rc = rn_lexicon_add_file(lex, path, err);
        if (rc != RN_OK) {
            rn_lexicon_free(lex);
            return rc;
        }
    }
    /* WordNet where it is installed; a directory named in RELNET_WORDNET
       must hold it, and RELNET_WORDNET=none goes without (to measure what
       it adds) */
    const char *wn = getenv("RELNET_WORDNET");
    rc = wn && strcmp(wn, "none") == 0 ? RN_OK : rn_pos_load(NULL, &lex->pos, err);
    if (rc == RN_ENOTFOUND && !wn) {
        rn_err_clear(err);
        rc = RN_OK;
    }
    if (rc != RN_OK) {
        rn_lexicon_free(lex);
        return rc;
    }
    *out = lex;
    return RN_OK;
}

const struct rn_pos_dict *rn_lexicon_pos(const struct rn_lexicon *lex)
{
    return lex->pos;
}

void rn_lexicon_free(struct rn_lexicon *lex)
{
    if (!lex)
        return;
    for (size_t i = 0; i < lex->nactors; i++)
        free(lex->aff_names[i]);
    free(lex->aff_names);
    free(lex->actors);
    free(lex->actor_key_to);
    free(lex->gaz);
    free(lex->gaz_word);
    for (int kind = 0; kind < PH_KINDS; kind++)
        free(lex->stem_head[kind]);
    free(lex->stem_cuebits);
    free(lex->phrases);
    free(lex->triggers);
    rn_strtab_free(lex->strings);
    rn_strtab_free(lex->actor_keys);
    rn_strtab_free(lex->gaz_keys);
    rn_strtab_free(lex->gaz_words);
    rn_strtab_free(lex->stems);
    rn_strtab_free(lex->closed);
    rn_pos_free(lex->pos);
    free(lex->closed_bits);
    if (lex->stemmer)
        sb_stemmer_delete(lex->stemmer);
    free(lex);
}

size_t rn_lexicon_actor_count(const struct rn_lexicon *lex)
{
    return lex->nactors;
}

const struct rn_lex_actor *rn_lexicon_actor(const struct rn_lexicon *lex, uint32_t i)
{
    return i < lex->nactors ? &lex->actors[i] : NULL;
}

/* ---- the word cache -------------------------------------------------------- */

int rn_wordcache_new(const struct rn_lexicon *lex, struct rn_wordcache **out)
{
    struct rn_wordcache *wc = calloc(1, sizeof *wc);
    *out = NULL;
    if (!wc)
        return RN_ENOMEM;
    wc->lex = lex;
    wc->stemmer = sb_stemmer_new("english", NULL);
    wc->words = rn_strtab_new();
    wc->front = aligned_alloc(64, ((size_t)1 << FRONT_BITS) * sizeof *wc->front);
    if (wc->front)
        memset(wc->front, 0, ((size_t)1 << FRONT_BITS) * sizeof *wc->front);
    if (!wc->stemmer || !wc->words || !wc->front) {
        rn_wordcache_free(wc);
        return RN_ENOMEM;
    }
    *out = wc;
    return RN_OK;
}

void rn_wordcache_free(struct rn_wordcache *wc)
{
    if (!wc)
        return;
    if (wc->stemmer)
        sb_stemmer_delete(wc->stemmer);
    rn_strtab_free(wc->words);
    free(wc->front);
    free(wc->info);
    free(wc->tinfo);
    free(wc);
}

int rn_wordcache_stem(struct rn_wordcache *wc, const char *word, size_t len, struct rn_buf *out)
{
    return stem_word(wc->stemmer, word, len, out);
}

/* (out of memory, or no word: no name starts here, and a name's later
   words are not told apart) */
static const struct wordinfo no_info = { RN_LEX_NONE, RN_LEX_NONE, 0, 0, { 0, 0, GAZ_ANY_PLACE } };

/* Start the memo afresh (its ids change, so the front is emptied too). */
static void memo_restart(struct rn_wordcache *wc)
{
    struct rn_strtab *fresh = rn_strtab_new();
    if (!fresh)
        return;
    rn_strtab_free(wc->words);
    wc->words = fresh;
    memset(wc->front, 0, ((size_t)1 << FRONT_BITS) * sizeof *wc->front);
}

/* What the lexicon and the tagger say of the word w, into wi. */
static void compute_info(struct rn_wordcache *wc, const char *w, size_t len, uint32_t flags,
                         struct wordinfo *wi)
{
    const struct rn_lexicon *lex = wc->lex;
    *wi = no_info;
    if (wc->tagger)
        wi->tag = wc->tagger(wc->tagger_ctx, w, len);
    uint32_t id;
    wi->gw.inner = 0;
    if (rn_strtab_find(lex->gaz_words, w, len, &id) == RN_OK)
        wi->gw = lex->gaz_word[id];
    if (memchr(w, ' ', len))
        wi->gw.inner = GAZ_ANY_PLACE;
    if ((wi->gw.lens & 2u) && rn_strtab_find(lex->gaz_keys, w, len, &id) == RN_OK)
        wi->gaz1 = id;
    if (flags & (RN_TOK_WORD | RN_TOK_POSS)) {
        const sb_symbol *s = sb_stemmer_stem(wc->stemmer, (const sb_symbol *)w, (int)len);
        uint32_t sid;
        if (s && rn_strtab_find(lex->stems, (const char *)s, (size_t)sb_stemmer_length(wc->stemmer),
                                &sid) == RN_OK) {
            wi->stem = sid;
            wi->cuebits = lex->stem_cuebits[sid];
        }
    }
}

/* The memo's id of token i's word, its facts computed when it is new;
   RN_LEX_NONE when out of memory. */
static uint32_t memo_id(struct rn_wordcache *wc, const struct rn_tokens *t, size_t i)
{
    const struct rn_token *tk = &t->items[i];
    const char *w = rn_token_norm(t, i);
    uint32_t id;
    if (rn_strtab_find(wc->words, w, tk->norm_len, &id) == RN_OK)
        return id;
    if (rn_strtab_count(wc->words) >= WORDCACHE_LIMIT)
        memo_restart(wc); /* bound memory on endless input */
    int added;
    if (rn_strtab_intern(wc->words, w, tk->norm_len, &id, &added) != RN_OK)
        return RN_LEX_NONE;
    if (rn_array_reserve((void **)&wc->info, &wc->cap, (size_t)id + 1, sizeof *wc->info, 64) != RN_OK)
        return RN_LEX_NONE;
    compute_info(wc, w, tk->norm_len, tk->flags, &wc->info[id]);
    return id;
}

/* The first len (1 to 8) bytes at p as a zero-padded number; reads 8. */
static inline uint64_t load_padded(const char *p, size_t len)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return len >= 8 ? v : v & ((UINT64_C(1) << (8 * len)) - 1);
}

/* Token i's word as a front key, lo 0 when it is longer than a key. Reads
   16 bytes from the word's start: token.h promises them (the normal
   forms' buffer keeps RN_TOKEN_NORM_PAD bytes after its end). */
static struct front_key front_key(const struct rn_tokens *t, size_t i)
{
    struct front_key k = { 0, 0 };
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    size_t len = t->items[i].norm_len;
    if (len == 0 || len > FRONT_KEY_MAX)
        return k;
    const char *w = rn_token_norm(t, i);
    k.lo = load_padded(w, len);
    k.hi = len > 8 ? load_padded(w + 8, len - 8) : 0;
#else
    (void)t;
    (void)i; /* the byte order the masks assume */
#endif
    return k;
}

/* Facts about the word at token i (borrowed until the memo next grows);
   punctuation has none (a possessive is a word here: "'s" appears in
   names such as "People's Republic"). */
static const struct wordinfo *lookup_info(struct rn_wordcache *wc, const struct rn_tokens *t,
                                          size_t i)
{
    if (!(t->items[i].flags & (RN_TOK_WORD | RN_TOK_POSS | RN_TOK_PUNCT)))
        return &no_info;
    struct front_key key = front_key(t, i);
    uint64_t mix = (key.lo ^ key.hi * UINT64_C(0xC2B2AE3D27D4EB4F)) * UINT64_C(0x9E3779B97F4A7C15);
    struct front_slot *pair = &wc->front[(mix >> (64 - FRONT_BITS)) & ~(uint64_t)1];
    for (int k = 0; k < 2 && key.lo; k++)
        if (pair[k].key.lo == key.lo && pair[k].key.hi == key.hi) {
            uint32_t hit = pair[k].id;
            if (k == 1) { /* the one used last first */
                pair[1] = pair[0];
                pair[0] = (struct front_slot){ key, hit, 0 };
            }
            return &wc->info[hit];
        }
    uint32_t id = memo_id(wc, t, i);
    if (id == RN_LEX_NONE)
        return &no_info;
    if (key.lo) {
        pair[1] = pair[0];
        pair[0] = (struct front_slot){ key, id, 0 };
    }
    return &wc->info[id];
}

/* Token i's facts (i < t->len, as every caller has checked): from the
   sentence's prepared facts when t holds the tokens prepared (a generation
   is never given twice, so one compare tells), else from the memo. */
static const struct wordinfo *word_info(struct rn_wordcache *wc, const struct rn_tokens *t,
                                        size_t i)
{
    if (t->gen == wc->prepared_gen)
        return &wc->tinfo[i];
    return lookup_info(wc, t, i);
}

void rn_wordcache_set_tagger(struct rn_wordcache *wc,
                             uint32_t (*tag)(void *ctx, const char *word, size_t len), void *ctx)
{
    wc->tagger = tag;
    wc->tagger_ctx = ctx;
    memo_restart(wc); /* facts memoised without the tagger are stale now */
    wc->prepared_gen = 0;
}

uint32_t rn_wordcache_tag(struct rn_wordcache *wc, const struct rn_tokens *t, size_t i)
{
    return i < t->len ? word_info(wc, t, i)->tag : 0;
}

int rn_wordcache_prepare(struct rn_wordcache *wc, const struct rn_tokens *t)
{
    wc->prepared_gen = 0;
    if (rn_array_reserve((void **)&wc->tinfo, &wc->tcap, t->len + 1, sizeof *wc->tinfo, 64) != RN_OK)
        return RN_ENOMEM;
    for (size_t i = 0; i < t->len; i++)
        wc->tinfo[i] = *lookup_info(wc, t, i);
    wc->prepared_gen = t->gen;
    return RN_OK;
}

/* ---- matching ------------------------------------------------------------------ */

/* Does gazetteer entry e, n tokens from token i, have the capitals its
   name asks for? */
static int entry_fits(const struct gaz_entry *e, const struct rn_tokens *t, size_t i, size_t n,
                      int all_caps)
{
    int ok = 1;
    for (size_t k = 0; k < n && ok && !all_caps; k++) {
        uint32_t fl = t->items[i + k].flags;
        if ((e->upper_mask >> k) & 1)
            ok = (fl & RN_TOK_UPPER) != 0;
        else if ((e->cap_mask >> k) & 1)
            ok = (fl & RN_TOK_CAP) != 0 &&
                 /* "REN" in running text is an acronym, not the surname Ren */
                 !(e->kind == RN_GAZ_SURNAME && (fl & RN_TOK_UPPER) && t->items[i + k].norm_len >= 3);
    }
    return ok;
}

/* The token counts (bit n: n tokens) of the gazetteer names that may
   start at word token i, as written there: a name whose first word must be
   capitalised cannot start at a word in lower case. */
static inline uint32_t start_lens(const struct wordinfo *wi, const struct rn_tokens *t, size_t i,
                                  int all_caps)
{
    int lower = !all_caps && !(t->items[i].flags & (RN_TOK_CAP | RN_TOK_UPPER));
    return lower ? wi->gw.lens_lc : wi->gw.lens;
}

/* The lengths of lens that the words after token i leave possible: a name
   of n tokens needs, at each token i + k (0 < k < n), a word that is the
   k-th of a name. inner_i: token i's places (GAZ_ANY_PLACE: its form
   holds a space, and the places after it are not told apart). */
static uint32_t lens_in_place(struct rn_wordcache *wc, const struct rn_tokens *t, size_t i,
                              size_t end, uint32_t lens, uint32_t inner_i)
{
    if (inner_i == GAZ_ANY_PLACE)
        return lens;
    for (size_t k = 1; (lens >> (k + 1)) != 0 && i + k < end; k++) {
        uint32_t inner = word_info(wc, t, i + k)->gw.inner;
        if (inner == GAZ_ANY_PLACE)
            break;
        if (!(inner >> k & 1u))
            return lens & ((2u << k) - 1u);
    }
    return lens;
}

int rn_lexicon_may_match(struct rn_wordcache *wc, const struct rn_tokens *t, size_t i,
                         int all_caps)
{
    return i < t->len && (t->items[i].flags & RN_TOK_WORD) &&
           start_lens(word_info(wc, t, i), t, i, all_caps) != 0;
}

/* rn_lexicon_match where names of lens (bit n: n tokens) may start at
   word token i (wi its facts). Out of line: the test before it, made at
   most tokens, then saves no registers and makes no room for a key. */
static __attribute__((noinline)) int match_from(const struct rn_lexicon *lex,
                                                struct rn_wordcache *wc,
                                                const struct rn_tokens *t, size_t i, size_t end,
                                                int all_caps, const struct wordinfo *wi,
                                                uint32_t lens, struct rn_gaz_match *m)
{
    uint32_t gaz1 = wi->gaz1; /* (wi is borrowed: the memo may grow below) */
    lens = lens_in_place(wc, t, i, end, lens, wi->gw.inner);
    if (!lens)
        return 0;
    size_t maxn = 31 - (size_t)__builtin_clz(lens);
    if (maxn > end - i)
        maxn = end - i;
    char key[1024];
    size_t offs[GAZ_MAX_TOKENS + 1];
    size_t len = 0;
    /* Build the longest key once; shorter keys are its prefixes. A name
       of one token is the word's own (gaz1): no key. */
    for (size_t n = 0; n < maxn; n++) {
        const char *w = rn_token_norm(t, i + n);
        size_t wl = t->items[i + n].norm_len;
        if (len + wl + 2 > sizeof key) {
            maxn = n;
            break;
        }
        if (maxn == 1)
            break;
        if (n)
            key[len++] = ' ';
        memcpy(key + len, w, wl);
        len += wl;
        offs[n + 1] = len;
    }
    for (size_t n = maxn; n >= 1; n--) {
        uint32_t id = gaz1;
        if (!(lens >> n & 1u) ||
            (n > 1 ? rn_strtab_find(lex->gaz_keys, key, offs[n], &id) != RN_OK : id == RN_LEX_NONE))
            continue; /* no name of n tokens starts with this word */
        const struct gaz_entry *e = &lex->gaz[id];
        if (!entry_fits(e, t, i, n, all_caps))
            continue;
        m->actor = e->actor;
        m->ntok = (uint32_t)n;
        m->kind = e->kind;
        return 1;
    }
    return 0;
}

int rn_lexicon_match(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                     const struct rn_tokens *t, size_t i, size_t end, int all_caps,
                     struct rn_gaz_match *m)
{
    if (i >= end || !(t->items[i].flags & RN_TOK_WORD))
        return 0;
    const struct wordinfo *wi = word_info(wc, t, i);
    uint32_t lens = start_lens(wi, t, i, all_caps);
    return lens ? match_from(lex, wc, t, i, end, all_caps, wi, lens, m) : 0;
}

/* Does phrase ph match at token i? */
static int phrase_at(struct rn_wordcache *wc, const struct phrase *ph, const struct rn_tokens *t,
                     size_t i, size_t end)
{
    if (i + ph->ntok > end)
        return 0;
    for (uint32_t k = 1; k < ph->ntok; k++) {
        if (ph->stems[k] == STEM_POSS_ANY) {
            static const char *const poss[] = { "its", "their", "his", "her", "our", "my", "your" };
            size_t q = 0;
            while (q < sizeof poss / sizeof poss[0] && !rn_token_is(t, i + k, poss[q]))
                q++;
            if (q == sizeof poss / sizeof poss[0])
                return 0;
        } else if (word_info(wc, t, i + k)->stem != ph->stems[k]) {
            return 0;
        }
    }
    return 1;
}

/* The triggers of the chain from phrase p that match at token i (see
   rn_lexicon_triggers). Out of line: the test before it, made at most
   tokens, then saves no registers. */
static __attribute__((noinline)) size_t triggers_from(const struct rn_lexicon *lex,
                                                      struct rn_wordcache *wc,
                                                      const struct rn_tokens *t, size_t i,
                                                      size_t end, uint32_t p,
                                                      const struct rn_trigger **out,
                                                      uint32_t *ntok, size_t max)
{
    size_t n = 0;
    for (; p != RN_LEX_NONE && n < max; p = lex->phrases[p].next) {
        const struct phrase *ph = &lex->phrases[p];
        if (!phrase_at(wc, ph, t, i, end))
            continue;
        out[n] = &lex->triggers[ph->index];
        ntok[n] = ph->ntok;
        n++;
    }
    return n;
}

size_t rn_lexicon_triggers(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                           const struct rn_tokens *t, size_t i, size_t end,
                           const struct rn_trigger **out, uint32_t *ntok, size_t max)
{
    if (i >= end)
        return 0;
    uint32_t stem = word_info(wc, t, i)->stem;
    uint32_t p = stem == RN_LEX_NONE ? RN_LEX_NONE : lex->stem_head[PH_TRIGGER][stem];
    return p == RN_LEX_NONE ? 0 : triggers_from(lex, wc, t, i, end, p, out, ntok, max);
}

uint64_t rn_lexicon_cue_classes(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                                const struct rn_tokens *t, size_t i)
{
    (void)lex;
    if (i >= t->len)
        return 0;
    return word_info(wc, t, i)->cuebits;
}

int rn_lexicon_cue(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                   const struct rn_tokens *t, size_t i, size_t end, enum rn_cue cls,
                   struct rn_cue_match *m)
{
    if (i >= end)
        return 0;
    const struct wordinfo *wi = word_info(wc, t, i);
    if (!(wi->cuebits & (UINT64_C(1) << cls)))
        return 0;
    for (uint32_t p = lex->stem_head[PH_CUE][wi->stem]; p != RN_LEX_NONE; p = lex->phrases[p].next) {
        const struct phrase *ph = &lex->phrases[p];
        if (ph->index != (uint32_t)cls || !phrase_at(wc, ph, t, i, end))
            continue;
        m->cls = cls;
        m->ntok = ph->ntok;
        m->value = ph->value;
        return 1;
    }
    return 0;
}
