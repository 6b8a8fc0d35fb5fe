/* internal.h - what the extractor's three files share (not a public API).
 *
 *   extract.c          article driver, entity table, recency, records
 *   extract_mention.c  mentions: names, derived state forms, titles,
 *                      unknown proper nouns, documents, pronouns
 *   extract_rel.c      triggers, verb groups, argument frames, polarity
 */
#ifndef RELNET_EXTRACT_INT_H
#define RELNET_EXTRACT_INT_H

#include "relnet/buf.h"
#include "relnet/extract.h"
#include "relnet/lexicon.h"
#include "relnet/strtab.h"
#include "relnet/token.h"

#include <stdint.h>
#include <string.h>

#define XNONE UINT32_MAX

/* x_recent() wants beyond the etypes. */
enum { XWANT_NONPERSON = 100, XWANT_ANY, XWANT_PLURAL, XWANT_DOC, XWANT_HE, XWANT_SHE };

struct ent {
    uint32_t name;      /* string id */
    uint32_t aff;       /* affiliation string id or XNONE */
    enum rn_etype type;
    uint32_t head;      /* documents: string id of the head noun's stem-ish form */
    uint32_t family;    /* documents: string id of the head's family (cues.tsv dochead value) */
    uint32_t lex;       /* lexicon actor or RN_LEX_NONE */
    uint64_t seen;      /* clock of the latest mention, 0 = never */
    int plural;         /* a group or alliance: "they" may refer to it */
    size_t last_sent, last_tok; /* where it was last mentioned */
    size_t subj_sent;   /* last sentence it was the main subject of, 0 = never */
    int gender;         /* persons: 0 unknown, 1 he, 2 she (learnt from pronouns) */
    uint32_t product;   /* "the OpenAI chatbot" resolved once: that product, or XNONE */
};

enum mkind {
    MK_ACTOR = 0, /* a country, organisation, company, person or unknown name */
    MK_GROUP,     /* "Chinese companies": a group named by nationality */
    MK_DOC,       /* a named or described document */
    MK_QUANT,     /* "59 apps", "61 countries": a counted set, members unnamed */
    MK_MOD,       /* a demonym that only modifies ("Chinese influence") */
};

struct mention {
    uint32_t a, b;   /* token span [a, b) */
    uint32_t ent;    /* entity, or XNONE for MK_QUANT / MK_MOD */
    enum mkind kind;
    int resolved;    /* found through a pronoun, description or surname */
    int pronoun;     /* a pronoun (he, it, they) */
    uint32_t state;  /* for MK_MOD and MK_QUANT: the state named inside, or XNONE */
};

/* One relation ready to emit. */
struct xrel {
    const char *relation;
    uint32_t source, target;
    enum rn_polarity polarity;
    double confidence;
};

/* A counted set still waiting for its members ("61 countries signed the
   pact. They include ..."). */
struct xpending {
    int active;
    size_t sent_no;
    const char *relation;
    uint32_t other;      /* the named side */
    int quant_is_source; /* the members are the sources */
    enum rn_polarity polarity;
};

/* A counted set whose members were named ("59 apps, including A and B"),
   so that a later "the 59 apps" means them. */
#define XSET_MEMBERS 24
struct xset {
    uint32_t head, num; /* string ids of the head noun and the number (or XNONE) */
    uint32_t members[XSET_MEMBERS];
    size_t n;
};
#define XSETS 8

/* Relations emitted earlier in the article, so that "the WeChat ban" can
   find who imposed it. */
struct xhist {
    const char *relation;
    uint32_t source, target;
    size_t sent_no;
};
#define XHIST 128

struct rn_extractor {
    const struct rn_lexicon *lex;
    struct rn_wordcache *wc;
    struct rn_tokens tok;

    /* the article */
    const struct rn_extract_doc *doc;
    const struct rn_sink *sink;
    struct rn_err *err;
    struct rn_strtab *names, *ent_keys, *shorts;
    struct ent *ents;
    size_t nents, ents_cap;
    uint32_t *ent_key_to;
    size_t ent_key_cap;
    uint32_t *short_to;
    size_t short_cap;
    unsigned long gen;          /* article generation: table entries of older ones are stale */
    unsigned long *ent_key_gen; /* ent_keys id -> generation that made it */
    size_t ent_key_gen_cap;
    unsigned long *short_gen;   /* shorts id -> generation */
    uint64_t clock;
    struct xpending pending;
    struct xset sets[XSETS];
    size_t nsets;
    struct xhist hist[XHIST]; /* a ring: the latest XHIST relations */
    size_t nhist;

    /* the sentence */
    size_t sent_no, sent_start;
    int titlecase;          /* a headline in Title Case: no unknown names */
    int allcaps;            /* a headline in capitals: ignore case rules */
    struct mention *m;
    size_t nm, m_cap;
    uint32_t *tok_m;        /* token -> mention index or XNONE */
    size_t tok_m_cap;
    uint32_t *tok_cue;      /* token -> cue class bits */
    size_t tok_cue_cap;
    uint32_t *tok_cls;      /* token -> closed word class bits */
    size_t tok_cls_cap;
    struct rn_strtab *closed; /* closed-class words -> bits (grammar, in code) */
    uint32_t *closed_bits;
    size_t closed_cap;
    uint32_t main_subject;  /* entity acting as the sentence's subject, or XNONE */
    struct rn_buf evidence, tmp;
};

int xgrow(void **arr, size_t *cap, size_t need, size_t elem);
uint32_t x_str(struct rn_extractor *x, const char *s, size_t n);
const char *x_name(const struct rn_extractor *x, uint32_t id);
uint32_t x_entity(struct rn_extractor *x, const char *name, size_t n, enum rn_etype type,
                  uint32_t aff);
uint32_t x_lex_entity(struct rn_extractor *x, uint32_t a);
/* The entity of this article called name, or XNONE (creates nothing). */
uint32_t x_find_entity(const struct rn_extractor *x, const char *name);
uint32_t x_state_of(struct rn_extractor *x, uint32_t e);
void x_touch(struct rn_extractor *x, uint32_t e);
void x_short(struct rn_extractor *x, const char *s, size_t n, uint32_t e);
uint32_t x_short_find(const struct rn_extractor *x, const char *s, size_t n);
int x_type_fits(enum rn_etype t, enum rn_etype want);
uint32_t x_recent(const struct rn_extractor *x, int want, uint32_t skip, uint32_t head);
/* x_recent for a description at token i: not an entity named earlier in
   i's own clause ("China accused the country" is not China). */
uint32_t x_recent_outside(const struct rn_extractor *x, int want, size_t i);
/* The one state the text is about here: the only country named in this
   or the previous sentence, or XNONE. */
uint32_t x_topic_state(const struct rn_extractor *x);
int x_emit(struct rn_extractor *x, const struct xrel *r);
/* The source of the latest relation emitted in this article with this
   relation and target, or XNONE. */
uint32_t x_hist_source(const struct rn_extractor *x, const char *relation, uint32_t target);
/* The antecedent of a pronoun at token i: the latest fitting entity, not
   one named earlier in the pronoun's own clause ("a court stayed a ban on
   it": not the court); a pronoun opening a clause prefers a recent main
   subject. */
uint32_t x_antecedent(struct rn_extractor *x, int want, size_t i);

/* extract_mention.c */
int x_mentions(struct rn_extractor *x);
int x_word_classes_init(struct rn_extractor *x);
/* Word-class tests on token i of the current sentence. */
/* Token i's normal form is w. Inline: with a literal w the length is known
   at compile time, and most tokens differ in length. */
static inline int x_is(const struct rn_extractor *x, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i < x->tok.len && x->tok.items[i].norm_len == n &&
           memcmp(rn_token_norm(&x->tok, i), w, n) == 0;
}
int x_is_det(const struct rn_extractor *x, size_t i);
int x_is_prep(const struct rn_extractor *x, size_t i);
int x_is_conj(const struct rn_extractor *x, size_t i);
int x_is_wh(const struct rn_extractor *x, size_t i);
int x_is_be(const struct rn_extractor *x, size_t i);
int x_is_aux(const struct rn_extractor *x, size_t i);
int x_is_punct(const struct rn_extractor *x, size_t i, char c);
int x_cue(const struct rn_extractor *x, size_t i, enum rn_cue c);
int x_cue_len(struct rn_extractor *x, size_t i, enum rn_cue c, struct rn_cue_match *m);
/* Append the original text of tokens [a, b) to out with single spaces. */
int x_span_text(struct rn_extractor *x, size_t a, size_t b, struct rn_buf *out);
/* The document entity for a described document in tokens [a, b) whose head
   noun is token head (resolving "the declaration" to the latest one). */
/* The end of a document phrase whose head noun is token head: "plan on AI",
   "deal with ZTE", "declaration of the summit". */
size_t x_doc_extend(struct rn_extractor *x, size_t head);
/* XNONE when a bare noun ("the plan") has nothing to refer back to. */
uint32_t x_doc_entity(struct rn_extractor *x, size_t a, size_t b, size_t head, int definite);
/* Give document e the head noun at token i (and its family), once. */
void x_doc_set_head(struct rn_extractor *x, uint32_t e, size_t i);

/* extract_rel.c */
int x_relations(struct rn_extractor *x);

#endif
