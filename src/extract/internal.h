/* internal.h - the extractor's state, shared by its stages (not a public
 * API). Each stage has its own header with its functions; data flows one
 * way, each file calling only the stages above it:
 *
 *   words.c      word classes, cues and shapes of the sentence's tokens
 *   entities.c   the article's entity table, recency, short forms
 *   records.c    relations become records; what the article emitted
 *   documents.c  named and described documents
 *   mention.c    mentions: names, derived state forms, titles, unknown
 *                proper nouns, descriptions, pronouns, counted sets
 *   explain.c    --explain: the account of each sentence
 *   relation.c   triggers, verb groups, argument frames, polarity
 *   extract.c    the article driver (relnet/extract.h)
 */
#ifndef RELNET_EXTRACT_INT_H
#define RELNET_EXTRACT_INT_H

#include "relnet/buf.h"
#include "relnet/record.h"
#include "relnet/lexicon.h"
#include "relnet/strtab.h"
#include "relnet/token.h"

#include <stdint.h>
#include <stdio.h>
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
    int pending;        /* documents: its head is not yet in force ("bill", cues class pending) */
    int unnamed;        /* documents: "the decree" with none before, named by its noun only:
                           its acts are remembered, no record names it */
    uint32_t lex;       /* lexicon actor or RN_LEX_NONE */
    uint64_t seen;      /* clock of the latest mention, 0 = never */
    int plural;         /* a group or alliance: "they" may refer to it */
    size_t last_sent, last_tok; /* where it was last mentioned */
    size_t subj_sent;   /* last sentence it was the main subject of, 0 = never */
    int gender;         /* persons: 0 unknown, 1 he, 2 she (learnt from pronouns) */
    uint32_t product;   /* "the OpenAI chatbot" resolved once: that product, or XNONE */
    uint32_t described; /* documents: string id of a description given it in apposition
                           ("SB 1047, a controversial bill"), or XNONE */
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
    const struct xlist *list; /* "they", "the countries": all of a list's members, or NULL */
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

/* A list of actors the article named ("Chile, Peru and Mexico"), so that
   "they", "them" and "the countries" can mean all of its members. */
#define XLIST_MEMBERS 24
struct xlist {
    uint32_t members[XLIST_MEMBERS];
    size_t n;
    enum rn_etype type; /* the members' common type, RN_ETYPE_UNKNOWN when mixed */
    uint64_t seen;      /* clock when it was named */
    size_t sent_no, end_tok; /* where it ended */
};
#define XLISTS 8

/* Relations emitted earlier in the article, so that "the WeChat ban" can
   find who imposed it. */
struct xhist {
    const char *relation;
    uint32_t source, target;
    size_t sent_no;
    enum rn_polarity polarity;
};
#define XHIST 128

/* A record held until its article ends (records.c): a document the
   headline describes may be named further down. */
struct xout {
    const char *relation;
    uint32_t source, target;
    enum rn_polarity polarity;
    double confidence;
    size_t sent_no, offset;
    size_t evidence;    /* offset of its sentence in out_text */
    char said_on[11];   /* the day the sentence says it happened, or "" */
};

struct rn_extractor {
    const struct rn_lexicon *lex;
    struct rn_wordcache *wc;
    struct rn_tokens tok;

    /* the article */
    const char *text;            /* the article's text (token offsets point into it) */
    const char *article, *title, *date; /* copied into every record (title, date: may be NULL) */
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
    /* the lexicon's bodies of a state or bloc by the last word of their
       name, lowercased (mention.c, built on first use): the first body of
       each word, and each body's next with that word, in lexicon order */
    struct rn_strtab *body_words;
    uint32_t *body_first, *body_next;
    uint64_t clock;
    struct xpending pending;
    struct xset sets[XSETS];
    size_t nsets;
    struct xlist lists[XLISTS]; /* a ring: the latest XLISTS lists */
    size_t nlists;
    struct xhist hist[XHIST]; /* a ring: the latest XHIST relations */
    size_t nhist;
    struct xout *out;        /* the article's records, written when it ends */
    size_t nout, out_cap;
    struct rn_buf out_text;  /* their evidence sentences, each ending in NUL */
    uint32_t speaker;        /* who last spoke ("X said"), or XNONE: a later "we" with no
                                speaker of its own continues the quotation */
    size_t speaker_sent;     /* the sentence they spoke in */

    /* the sentence */
    size_t sent_no, sent_start, sent_end; /* sent_end: one past its last byte */
    int titlecase;          /* a headline in Title Case: no unknown names */
    int allcaps;            /* a headline in capitals: ignore case rules */
    size_t first_word;      /* the first word token (tok.len when none) */
    struct mention *m;
    size_t nm, m_cap;
    uint32_t *tok_m;        /* token -> mention index or XNONE */
    size_t tok_m_cap;
    uint64_t *tok_cue;      /* token -> cue class bits (enum rn_cue_class) */
    size_t tok_cue_cap;
    uint32_t *tok_cls;      /* token -> closed word class bits */
    size_t tok_cls_cap;
    uint32_t main_subject;  /* entity acting as the sentence's subject, or XNONE */
    uint32_t main_list[8];  /* the list main_subject opens ("The US and the EU have ..."), */
    size_t nmain;           /* which later clauses of the sentence share */
    int in_speaker;         /* looking for the speaker of a first-person subject */
    FILE *explain;          /* --explain: where to tell what was seen, or NULL */
    struct rn_buf evidence, tmp;
};

#endif
