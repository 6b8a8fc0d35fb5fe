/* token.h - split a sentence into word and punctuation tokens for matching.
 *
 * Every token keeps the byte span it covers in the ORIGINAL text, so the
 * extractor can quote evidence faithfully, and a normalised form for
 * matching: lowercase (accents folded for non-ASCII words), curly quotes
 * made straight, every dash '-', dots dropped from abbreviations ("U.S." ->
 * "us", flagged RN_TOK_DOTS). Spaces, including no-break and thin spaces,
 * separate tokens and are not tokens. The possessive is its own token
 * ("China's" -> "China" "'s"; "Eyes'" -> "Eyes" "'"), a hyphenated word is
 * split at its hyphens with RN_TOK_HYPHEN on the later parts ("China-
 * proposed" -> "China" "proposed"), contractions stay whole ("didn't").
 */
#ifndef RELNET_TOKEN_H
#define RELNET_TOKEN_H

#include "relnet/buf.h"

#include <stddef.h>
#include <stdint.h>

enum rn_tok_flag {
    RN_TOK_WORD = 1 << 0,    /* letters or digits */
    RN_TOK_NUM = 1 << 1,     /* a word that starts with a digit */
    RN_TOK_PUNCT = 1 << 2,   /* anything else, one character per token */
    RN_TOK_CAP = 1 << 3,     /* first letter is uppercase */
    RN_TOK_UPPER = 1 << 4,   /* every letter is uppercase (and there is one) */
    RN_TOK_SPACE = 1 << 5,   /* space (or the text start) before it */
    RN_TOK_HYPHEN = 1 << 6,  /* joined to the previous word by a hyphen */
    RN_TOK_POSS = 1 << 7,    /* the possessive marker 's or a bare ' after -s */
    RN_TOK_QUOTE = 1 << 8,   /* a quotation mark, straight or curly */
    RN_TOK_DOTS = 1 << 9,    /* an abbreviation written with dots (U.S.) */
    RN_TOK_DASH = 1 << 10,   /* a dash used as punctuation (- – —) */
};

struct rn_token {
    uint32_t start, end; /* bytes [start, end) of the original text */
    uint32_t norm;       /* offset of the normalised form in rn_tokens.norm */
    uint32_t norm_len;   /* its length in bytes */
    uint32_t flags;      /* enum rn_tok_flag bits */
};

struct rn_tokens {
    struct rn_token *items;
    size_t len, cap;
    struct rn_buf norm; /* normalised forms, each NUL-terminated */
    unsigned long gen;  /* set by every rn_tokenize to a value no other call in the
                           process gave, never 0 (for caches) */
    struct rn_buf scratch[2]; /* rn_tokenize's own (a word's form as it is built, a
                                 character's key): kept, not allocated per sentence */
};

#define RN_TOKENS_INIT { NULL, 0, 0, RN_BUF_INIT, 0, { RN_BUF_INIT, RN_BUF_INIT } }

/* Bytes of norm's buffer that stay allocated after its end once a token is
 * in it: a reader may load 16 bytes from any normal form's start in one go
 * (the lexicon's word memo keys short words so); those past the form's NUL
 * hold anything. */
#define RN_TOKEN_NORM_PAD 16

/* Replace out's contents with the tokens of text[start, end). Offsets are
 * relative to text (not to start). Returns RN_OK or RN_ENOMEM. Time O(n);
 * invalid UTF-8 bytes are treated as punctuation. */
int rn_tokenize(const char *text, size_t start, size_t end, struct rn_tokens *out);

/* The normalised form of token i (NUL-terminated, borrowed until the next
 * rn_tokenize on the same struct). */
static inline const char *rn_token_norm(const struct rn_tokens *t, size_t i)
{
    return t->norm.data + t->items[i].norm;
}

/* 1 when token i's normalised form equals s. */
int rn_token_is(const struct rn_tokens *t, size_t i, const char *s);

void rn_tokens_release(struct rn_tokens *t);

#endif
