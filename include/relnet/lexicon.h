/* lexicon.h - the extractor's knowledge: actors, relation triggers, cue words
 * (Snowball libstemmer lives here and nowhere else).
 *
 * All knowledge is data (data/lexicon/README.md describes the files):
 *   actors.tsv     name, type, affiliation, aliases, demonyms
 *   relations.tsv  relation, pos, trigger, frame, target, polarity
 *   cues.tsv       class, phrase, value  (negations, hedges, titles, ...)
 *   words.tsv      class, word           (closed classes: determiners, ...)
 * Extra files given with rn_lexicon_add_file() are recognised by their
 * header row and add to the same tables, so a user can add actors or a new
 * relation ("criticizes") without touching code.
 *
 * Matching: actor names are matched over token normal forms (token.h) with
 * the longest match winning; an alias token written in capitals must be
 * capitalised in the text, one written all in capitals (US, EU) must be all
 * capitals, so the pronoun "us" is never the United States. Triggers and
 * cues are matched by their Snowball English stems, so "ban" also matches
 * "bans", "banned" and "banning".
 *
 * A loaded lexicon is read-only and can be shared; the stem cache
 * (struct rn_wordcache) is the mutable part, one per thread.
 */
#ifndef RELNET_LEXICON_H
#define RELNET_LEXICON_H

#include "relnet/error.h"
#include "relnet/record.h"
#include "relnet/token.h"

#include <stddef.h>
#include <stdint.h>

struct rn_lexicon;
struct rn_wordcache;

#define RN_LEX_NONE UINT32_MAX

struct rn_lex_actor {
    const char *name;     /* canonical name (borrowed from the lexicon) */
    size_t name_len;      /* its length in bytes */
    enum rn_etype type;
    uint32_t affiliation; /* index of the affiliated actor or RN_LEX_NONE */
    const char *demonym;  /* first demonym ("Chinese") or NULL */
};

/* How a gazetteer entry names its actor. */
enum rn_gaz_kind {
    RN_GAZ_NAME = 0,    /* the canonical name */
    RN_GAZ_ALIAS = 1,   /* an alias (abbreviations, capitals used for governments) */
    RN_GAZ_DEMONYM = 2, /* an adjective of nationality ("Chinese") */
    RN_GAZ_SURNAME = 3, /* a person's last (or first, for Chinese names) name alone */
};

struct rn_gaz_match {
    uint32_t actor; /* actor index */
    uint32_t ntok;  /* tokens covered */
    enum rn_gaz_kind kind;
};

/* Argument frame bits of a trigger (relations.tsv column "frame"). */
enum rn_frame {
    RN_FRAME_OBJ = 1 << 0,     /* target = direct object; passive "by X" gives the source */
    RN_FRAME_LOC = 1 << 1,     /* passive "banned in/from/across X": X is the source */
    RN_FRAME_ON = 1 << 2,      /* "blame the attack on Y": Y after "on" is the target */
    RN_FRAME_TO = 1 << 3,      /* "attribute the attack to Y": Y after "to" is the target */
    RN_FRAME_AGAINST = 1 << 4, /* noun: "accusations against Y" */
    RN_FRAME_NOUN_ON = 1 << 5, /* noun: "a ban on Y" */
    RN_FRAME_OF = 1 << 6,      /* noun: "signatories of/to Y", "signing of Y" */
    RN_FRAME_FROM = 1 << 7,    /* "bar its companies from buying Y": Y is the target */
    RN_FRAME_PREMOD = 1 << 8,  /* noun: "the TikTok ban": a premodifying name is the target */
    RN_FRAME_COPULA = 1 << 9,  /* "Y was behind the attack" said by X: X -> Y */
    RN_FRAME_LIST = 1 << 10,   /* "put Y on the entity list": Y is the governing verb's object */
    RN_FRAME_MEMBERS = 1 << 11, /* "among the signatories are A, B": the list are sources */
    RN_FRAME_COMPOUND = 1 << 12, /* "the X-proposed initiative": X -> the head noun */
    RN_FRAME_OUT = 1 << 13,    /* "exclude Y from", "shut Y out of": the object, with from/out of */
    RN_FRAME_REPORTED = 1 << 14, /* "X said Y had hacked Z": a wrongdoing verb's subject Y, in
                                    someone's reported speech, is accused by the speaker X */
    RN_FRAME_OWNER = 1 << 15,  /* noun: "the Commission's proposal", "a Peruvian proposal":
                                  its owner -> the document it heads */
    RN_FRAME_MARKET = 1 << 16, /* "removed Y from its app store", "withdrew Y from sale": the
                                  object, when a `market` cue follows "from" */
    RN_FRAME_FOR_WRONG = 1 << 17, /* "condemned Y for the attack": the object, only when "for"
                                     and a wrongdoing noun (cues class wrong) follow it */
    RN_FRAME_WRONG_OBJ = 1 << 18, /* with reported: "Y carried out the attack" is a wrong only
                                     when its object (or passive subject) is a wrongdoing noun */
};

/* The frame bits as relations.tsv writes them ("obj,loc"), into out (n
 * bytes, cut short when too small); returns out. */
const char *rn_frame_text(uint32_t frame, char *out, size_t n);

enum rn_pos { RN_POS_VERB = 0, RN_POS_NOUN = 1 };

/* What a trigger's target may be (column "target"). */
enum rn_target_kind {
    RN_TARGET_ANY = 0,      /* an actor or a descriptive noun phrase */
    RN_TARGET_ACTOR = 1,    /* only a named (or resolved) actor */
    RN_TARGET_DOCUMENT = 2, /* a proposal, law, declaration: named or described */
};

struct rn_trigger {
    const char *relation; /* lowercase relation name */
    enum rn_pos pos;
    uint32_t frame;       /* enum rn_frame bits */
    enum rn_target_kind target;
    enum rn_polarity polarity; /* asserted, or negated for "veto" */
    /* target "document:statement|agreement": the document families (cues.tsv
       dochead values) the trigger takes, '|'-separated; NULL = any */
    const char *families;
    /* target "proposal": a document, else the object's noun phrase itself
       ("proposed a buffer zone"), never an actor */
    int phrase;
};

/* Cue classes (cues.tsv column "class"). */
enum rn_cue {
    RN_CUE_NEG = 0,    /* not, never, no longer */
    RN_CUE_HEDGE,      /* may, could, would: modal before the verb */
    RN_CUE_CTRL,       /* verb + "to" with a polarity: plan to (hedged), decline to (negated) */
    RN_CUE_OBJCTRL,    /* verb + object + "to": order/instruct X to (hedged, source = orderer) */
    RN_CUE_HEDGE_ADJ,  /* possible, proposed, planned (before a nominal trigger) */
    RN_CUE_SPEECH,     /* say, tell, state, add */
    RN_CUE_GOV,        /* government, administration, officials, authorities, side */
    RN_CUE_INST,       /* foreign ministry, commerce department: a state body */
    RN_CUE_FUNC,       /* official, spokesperson: speaks for the body before/after */
    RN_CUE_TITLE,      /* minister, president, senator: a title before a person's name */
    RN_CUE_HONORIFIC,  /* mr, mrs, dr */
    RN_CUE_DESC,       /* a head noun of a definite description, value = etype */
    RN_CUE_DOCHEAD,    /* declaration, initiative, bill: a document's head noun */
    RN_CUE_ORGHEAD,    /* ministry, agency, commission: an organisation's head noun */
    RN_CUE_LIGHT,      /* impose, announce, issue (the subject owns a nominal trigger) */
    RN_CUE_CANCEL,     /* lift, overturn, revoke: the nominal trigger is not asserted */
    RN_CUE_STAY,       /* stay, halt, suspend: the nominal trigger is hedged */
    RN_CUE_ADV,        /* adverbs skipped inside a verb group */
    RN_CUE_NOTNAME,    /* capitalised words that never start a name (months, days) */
    RN_CUE_INCLUDE,    /* including, such as: a list of members follows */
    RN_CUE_MEMBER,     /* officers, members, employees: "six officers of X" means X */
    RN_CUE_GENDER,     /* given names, value "he" or "she" */
    RN_CUE_TIME,       /* words of a time phrase: week, year, today, last, ago */
    RN_CUE_DEAL,       /* nouns of dealing, value = prepositions: access (to), sale (of) */
    RN_CUE_RANK,       /* first, latest, only: "became the latest country to sign" */
    RN_CUE_PRODUCT,    /* app, platform, chatbot: a company's product ("the OpenAI chatbot") */
    RN_CUE_ENLIST,     /* add, put, place: "added Y to its entity list" */
    RN_CUE_LISTHEAD,   /* list, blacklist, ban, order: "the list also names A and B" */
    RN_CUE_LISTVERB,   /* name, include, cover, contain: the verb of that sentence */
    RN_CUE_AGENT,      /* on the orders of, at the request of: a passive's agent follows, like "by" */
    RN_CUE_MARKET,     /* store, app store, market, shelves, sale: where goods are offered */
    RN_CUE_PENDING,    /* bill, legislation, measure: a document not yet in force */
    RN_CUE_EFFORT,     /* bid, takeover, merger, deal: blocking one bans no one */
    RN_CUE_MUTUAL,     /* trade, exchange: "A and B traded accusations" -> both ways */
    RN_CUE_ACRONYM,    /* "or", "known as" between a name and the acronym it defines */
    RN_CUE_JOINER,     /* and, or, along with, as well as: what joins list members */
    RN_CUE_CAUSE,      /* make, made: "making Utah the first state to ban Y" */
    RN_CUE_RECIP,      /* each other, one another: the subjects act on each other */
    RN_CUE_SOURCE,     /* according to: the name after it is the sentence's speaker */
    RN_CUE_DATIVE,     /* hand, give: "handed Ola Berg a ban" gives the ban to Ola Berg */
    RN_CUE_UNDERGO,    /* face, receive, hit with: "Zentara faces a lawsuit from Kelpex" */
    RN_CUE_DEEM,       /* hold, find: "Norvania holds Tessaly responsible" -> accuses */
    RN_CUE_ELLIPSIS,   /* as, and so: "signed it, as did Peru" -> Peru signed it too */
    RN_CUE_NAMING,     /* called, dubbed, known as: "a plan called the Lima Pact" is the Lima Pact */
    RN_CUE_TITLEMOD,   /* deputy, vice, former: lowercase words inside a title run */
    RN_CUE_FINDING,    /* conclude, determine, find: a speech verb only before "that" */
    RN_CUE_JUDICIAL,   /* court, judge, tribunal: whose findings are verdicts, not accusations */
    RN_CUE_WRONG,      /* attack, hacking, assassination: a wrongdoing someone is condemned for */
    RN_CUE_AUTHOR,     /* by, from, of: prepositions naming whose a thing is */
    RN_CUE_COUNT
};

/* Closed word classes (words.tsv column "class"), as bits: grammar words
 * matched exactly (lowercase), never by stem. */
enum rn_word_class {
    RN_WORD_DET = 1 << 0,  /* det:  a, the, this, its, every */
    RN_WORD_PREP = 1 << 1, /* prep: of, on, against, including */
    RN_WORD_CONJ = 1 << 2, /* conj: and, or, because, while */
    RN_WORD_WH = 1 << 3,   /* wh:   who, which, that */
    RN_WORD_BE = 1 << 4,   /* be:   is, was, been, got, became */
    RN_WORD_AUX = 1 << 5,  /* aux:  has, did, will, could */
    RN_WORD_HE = 1 << 6,   /* he:   he, she, him, his, her */
    RN_WORD_IT = 1 << 7,   /* it:   it, its */
    RN_WORD_THEY = 1 << 8, /* they: they, them, their */
    RN_WORD_NUM = 1 << 9,  /* num:  two, dozens, several */
    RN_WORD_WE = 1 << 10,  /* we:   we, us, our, I, me, my (the speaker: never an actor) */
    RN_WORD_DEF = 1 << 11,   /* def:   the, this, that, these (definite) */
    RN_WORD_INDEF = 1 << 12, /* indef: a, an (something new) */
    RN_WORD_PART = 1 << 13,  /* part:  put, shut: a past participle without -ed */
    RN_WORD_REF = 1 << 14,   /* ref:   own, same, latest: before a noun that refers back */
    RN_WORD_SELF = 1 << 15,  /* self:  I, me, my: the first person singular (a person, never a state) */
    RN_WORD_CLOSED = 0xffff, /* all the closed classes above */
};

struct rn_cue_match {
    enum rn_cue cls;
    uint32_t ntok;
    const char *value; /* column "value" ("hedged", "country", ...) or "" */
};

/* Load actors.tsv, cues.tsv, words.tsv and relations.tsv from dir (actors
 * and cues optional). Errors say "file:line: what was expected". */
int rn_lexicon_load(const char *dir, struct rn_lexicon **out, struct rn_err *err);

/* Create an empty lexicon (for tests and for rn_lexicon_add_file only). */
int rn_lexicon_new(struct rn_lexicon **out, struct rn_err *err);

/* Add one lexicon file; its kind is read from its header row (actors:
 * "name\ttype..."; relations: "relation\tpos..."; cues: "class\tphrase...";
 * words: "class\tword").
 * Later actors with an existing canonical name add aliases to it. */
int rn_lexicon_add_file(struct rn_lexicon *lex, const char *path, struct rn_err *err);

/* NULL-safe. */
void rn_lexicon_free(struct rn_lexicon *lex);

/* enum rn_word_class bits of a lowercase word (0 when in no closed class). */
uint32_t rn_lexicon_word_classes(const struct rn_lexicon *lex, const char *word, size_t len);

/* WordNet's open word classes (relnet/pos.h), loaded with the lexicon
 * from rn_pos_default_dir(); NULL where WordNet is not installed and
 * RELNET_WORDNET names no directory (a directory it names must hold it;
 * RELNET_WORDNET=none: never). */
struct rn_pos_dict;
const struct rn_pos_dict *rn_lexicon_pos(const struct rn_lexicon *lex);

size_t rn_lexicon_actor_count(const struct rn_lexicon *lex);
const struct rn_lex_actor *rn_lexicon_actor(const struct rn_lexicon *lex, uint32_t i);

/* Actor index by canonical name or alias (folded with rn_text_key), or
 * RN_LEX_NONE. */
uint32_t rn_lexicon_find_actor(const struct rn_lexicon *lex, const char *name);

/* Longest gazetteer entry starting at token i and ending before token end.
 * Returns 1 and fills *m when one matches, else 0. Case rules above apply;
 * a sentence written all in capitals is matched without them. */
int rn_lexicon_match(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                     const struct rn_tokens *t, size_t i, size_t end, int all_caps,
                     struct rn_gaz_match *m);

/* Can a gazetteer entry start at token i (a test of the word's memo: a
 * name starts with this word, written in this case)? Where it says 0,
 * rn_lexicon_match at i says 0 too, whatever the end. */
int rn_lexicon_may_match(struct rn_wordcache *wc, const struct rn_tokens *t, size_t i,
                         int all_caps);

/* Triggers whose words match at token i. Writes up to max pointers to
 * out (longest phrases first) and their token counts to ntok; returns how
 * many. */
size_t rn_lexicon_triggers(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                           const struct rn_tokens *t, size_t i, size_t end,
                           const struct rn_trigger **out, uint32_t *ntok, size_t max);

/* The longest cue of class cls starting at token i: returns 1 and fills *m,
 * else 0. */
int rn_lexicon_cue(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                   const struct rn_tokens *t, size_t i, size_t end, enum rn_cue cls,
                   struct rn_cue_match *m);

/* Bit set of cue classes (1 << enum rn_cue) that have a phrase starting
 * with the word at token i. A cheap pre-check before rn_lexicon_cue. */
uint64_t rn_lexicon_cue_classes(const struct rn_lexicon *lex, struct rn_wordcache *wc,
                                const struct rn_tokens *t, size_t i);

/* Per-thread memo of word -> stem and word -> lexicon facts. It grows with
 * the vocabulary seen and is cleared when it passes a size limit. */
int rn_wordcache_new(const struct rn_lexicon *lex, struct rn_wordcache **out);
void rn_wordcache_free(struct rn_wordcache *wc);

/* Look up every token of t once; later matching calls on the same t (until
 * it is tokenized again) use these facts instead of hashing each word again.
 * RN_OK or RN_ENOMEM. */
int rn_wordcache_prepare(struct rn_wordcache *wc, const struct rn_tokens *t);

/* A caller's own per-word facts, memoised with the rest: tag(ctx, word,
 * len) is called once per distinct normalised word (and again after the
 * cache is cleared); rn_wordcache_tag returns its value for token i. */
void rn_wordcache_set_tagger(struct rn_wordcache *wc,
                             uint32_t (*tag)(void *ctx, const char *word, size_t len), void *ctx);
uint32_t rn_wordcache_tag(struct rn_wordcache *wc, const struct rn_tokens *t, size_t i);

/* The Snowball English stem of a lowercase word, written to out (for tests
 * and tools). */
int rn_wordcache_stem(struct rn_wordcache *wc, const char *word, size_t len, struct rn_buf *out);

#endif
