/* token.c - sentence tokenizer with offsets into the original text (see relnet/token.h). */
#include "relnet/token.h"

#include "relnet/error.h"
#include "relnet/text.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* What one code point is to the tokenizer. */
enum cclass { C_SPACE, C_ALNUM, C_APOS, C_HYPHEN, C_DASH, C_DQUOTE, C_SQUOTE_OPEN, C_OTHER };

static enum cclass classify(int32_t cp)
{
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
            return C_ALNUM;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
            return C_SPACE;
        if (cp == '\'')
            return C_APOS;
        if (cp == '-')
            return C_HYPHEN;
        if (cp == '"')
            return C_DQUOTE;
        return C_OTHER;
    }
    switch (cp) {
    case 0x2019: /* right single quote: apostrophe or closing quote */
    case 0x02BC:
        return C_APOS;
    case 0x2018:
    case 0x201B:
        return C_SQUOTE_OPEN;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
        return C_DQUOTE;
    case 0x2010: /* hyphen */
    case 0x2011: /* non-breaking hyphen */
        return C_HYPHEN;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
        return C_DASH;
    case 0x200B: /* zero-width space and joiners: invisible, treat as space */
    case 0x200C:
    case 0x200D:
    case 0xFEFF:
        return C_SPACE;
    default:
        break;
    }
    if (rn_unicode_is_space(cp))
        return C_SPACE;
    if (rn_unicode_is_alnum(cp))
        return C_ALNUM;
    return C_OTHER;
}

/* Decode the code point at p (p < end); *len gets its byte length (1 for an
   invalid byte, which comes back as U+FFFD). */
static int32_t decode_at(const char *text, size_t p, size_t end, int *len)
{
    unsigned char c = (unsigned char)text[p];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    int32_t cp;
    int l = rn_utf8_decode(text + p, end - p, &cp);
    if (l < 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = l;
    return cp;
}

/* Room for one more token and a normal form of nlen bytes (with its NUL
   and the padding token.h promises). */
static int grow_room(struct rn_tokens *out, size_t nlen)
{
    struct rn_token *items = rn_array_grow(out->items, &out->cap, out->len, sizeof *items, 64);
    if (!items)
        return RN_ENOMEM;
    out->items = items;
    struct rn_buf *b = &out->norm;
    if (b->len + nlen + 1 + RN_TOKEN_NORM_PAD > b->cap &&
        rn_buf_grow(b, nlen + RN_TOKEN_NORM_PAD) != RN_OK)
        return RN_ENOMEM;
    return RN_OK;
}

/* Room for one more token and a normal form of up to nlen bytes, so that
   the next push_room of at most nlen bytes cannot fail. */
static inline int grow_room_fast(struct rn_tokens *out, size_t nlen)
{
    if (out->len == out->cap || out->norm.len + nlen + 1 + RN_TOKEN_NORM_PAD > out->norm.cap)
        return grow_room(out, nlen);
    return RN_OK;
}

/* Add a token whose normal form has nlen bytes, with room for them made
   (grow_room_fast): returns where the caller writes them (the NUL after
   them is written here). */
static inline char *token_commit(struct rn_tokens *out, size_t start, size_t end, size_t nlen,
                                 uint32_t flags)
{
    struct rn_buf *b = &out->norm;
    struct rn_token *t = &out->items[out->len++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->norm = (uint32_t)b->len;
    t->norm_len = (uint32_t)nlen;
    t->flags = flags;
    char *at = b->data + b->len;
    b->len += nlen + 1;
    b->data[b->len - 1] = '\0';
    b->data[b->len] = '\0';
    return at;
}

/* Add a token whose normal form has nlen bytes: returns where the caller
   writes them (the NUL after them is written here), or NULL when out of
   memory. Inline, with the growing out of line: it runs for every token. */
static inline char *push_room(struct rn_tokens *out, size_t start, size_t end, size_t nlen,
                              uint32_t flags)
{
    if (grow_room_fast(out, nlen) != RN_OK)
        return NULL;
    return token_commit(out, start, end, nlen, flags);
}

static int push(struct rn_tokens *out, size_t start, size_t end, const char *norm, size_t nlen,
                uint32_t flags)
{
    char *at = push_room(out, start, end, nlen, flags);
    if (!at)
        return RN_ENOMEM;
    memcpy(at, norm, nlen);
    return RN_OK;
}

/* Append the normalised form of one word code point to b. */
static int norm_cp(struct rn_buf *b, struct rn_buf *tmp, const char *text, size_t p, int len,
                   int32_t cp)
{
    if (cp < 0x80) {
        char c = (char)cp;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        return rn_buf_addc(b, c);
    }
    if (cp == 0x2019 || cp == 0x02BC)
        return rn_buf_addc(b, '\'');
    if (rn_text_key(text + p, (size_t)len, tmp) != RN_OK)
        return RN_ENOMEM;
    return rn_buf_add(b, tmp->data ? tmp->data : "", tmp->len);
}

static int is_letter_at(const char *text, size_t p, size_t end)
{
    if (p >= end)
        return 0;
    unsigned char c = (unsigned char)text[p];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* "U.S.", "U.K.", "J.D.": two or more single letters each followed by a dot.
   Returns the byte length of the abbreviation or 0. */
static size_t dotted_abbrev(const char *text, size_t p, size_t end)
{
    size_t q = p;
    int pairs = 0;
    while (is_letter_at(text, q, end) && q + 1 < end && text[q + 1] == '.') {
        pairs++;
        q += 2;
        if (is_letter_at(text, q, end) && q + 1 < end && is_letter_at(text, q + 1, end))
            return 0; /* "U.Svalbard": not an abbreviation */
    }
    if (pairs < 2)
        return 0;
    return q - p;
}

/* Where the tokenizer is in the sentence and what it remembers of the tokens
   before; the steps below share it. */
struct tok_walk {
    const char *text;
    size_t p, end;           /* the next byte; the end of the sentence */
    struct rn_tokens *out;
    struct rn_buf word, tmp; /* a general word's normal form; scratch for rn_text_key */
    int space;               /* a space (or the text start) before the next token */
    int hyphen;              /* the next word is joined to the last one by a hyphen */
    int squote_open;         /* a single quote is open: a bare ' after -s closes it */
};

/* A token starts: no space before the one after it, no hyphen joining. */
static inline void token_pushed(struct tok_walk *w, size_t next)
{
    w->p = next;
    w->space = 0;
    w->hyphen = 0;
}

/* "U.S." (ab bytes from w->p): its letters, lowercased, without the dots. */
static int abbrev_token(struct tok_walk *w, size_t ab, uint32_t flags)
{
    int rc;
    for (size_t k = w->p; k < w->p + ab; k++)
        if (w->text[k] != '.' && (rc = rn_buf_addc(&w->word, (char)(w->text[k] | 0x20))) != RN_OK)
            return rc;
    flags |= RN_TOK_WORD | RN_TOK_CAP | RN_TOK_UPPER | RN_TOK_DOTS;
    rc = push(w->out, w->p, w->p + ab, w->word.data, w->word.len, flags);
    token_pushed(w, w->p + ab);
    return rc;
}

/* An apostrophe of l bytes at byte at between letters stays in the word
   ("didn't", "O'Brien"), except 's followed by a non-letter: that is the
   possessive (or "it's"), its own token. */
static inline int apostrophe_inside(const struct tok_walk *w, size_t at, size_t l)
{
    size_t q = at + l;
    if (q >= w->end)
        return 0;
    int l3;
    int32_t c3 = decode_at(w->text, q, w->end, &l3);
    if (classify(c3) != C_ALNUM)
        return 0;
    size_t after = q + (size_t)l3;
    int ends = after >= w->end || classify(decode_at(w->text, after, w->end, &l3)) != C_ALNUM;
    return !((c3 == 's' || c3 == 'S') && ends);
}

static int after_word(struct tok_walk *w);

/* ASCII letters and digits: A_UP is the bit that lowercases a capital. */
enum { A_LOW = 0x01, A_DIGIT = 0x02, A_UP = 0x20 };
#define A2(b, v) [(b)] = (v), [(b) + 1] = (v)
#define A4(b, v) A2(b, v), A2((b) + 2, v)
#define A8(b, v) A4(b, v), A4((b) + 4, v)
#define A16(b, v) A8(b, v), A8((b) + 8, v)
static const unsigned char ascii_alnum[256] = {
    A8('0', A_DIGIT), A2('8', A_DIGIT),
    A16('A', A_UP), A8('Q', A_UP), A2('Y', A_UP),
    A16('a', A_LOW), A8('q', A_LOW), A2('y', A_LOW),
};
#undef A16
#undef A8
#undef A4
#undef A2

#if defined(RN_HAVE_ALNUM16)
/* rn_ascii_alnum16 for ascii_word: the kinds (A_LOW, A_UP, A_DIGIT) of the
   letters and digits that open the 16 bytes ORed into *seen. */
static inline size_t ascii_run16(const unsigned char *s, char *at, unsigned *seen)
{
    unsigned m[3];
    size_t n = rn_ascii_alnum16(s, at, m);
    unsigned in = n < 16 ? (1u << n) - 1u : 0xFFFFu;
    *seen |= (m[1] & in ? A_LOW : 0u) | (m[0] & in ? A_UP : 0u) | (m[2] & in ? A_DIGIT : 0u);
    return n;
}
#endif

/* Fast path, most words: a plain ASCII word, lowercased straight into the
   output as it is scanned (room for the rest of the sentence made first),
   that ends where general_word would end it too: not before a letter
   beyond ASCII, an apostrophe inside a word ("didn't") or the mark of a
   digit group; after it, as after general_word's, after_word reads a
   possessive or a joining hyphen. Returns 1 when it took the word, 0 when
   the word is not plain (what it wrote past the buffer's end is left
   there, unused), or RN_ENOMEM. Kept inline: it is the tokenizer's inner
   loop. */
static inline __attribute__((always_inline)) int ascii_word(struct tok_walk *w, uint32_t flags)
{
    const unsigned char *text = (const unsigned char *)w->text;
    size_t p = w->p, q = p, end = w->end;
    if (grow_room_fast(w->out, end - p) != RN_OK)
        return RN_ENOMEM;
    char *at = w->out->norm.data + w->out->norm.len;
    unsigned seen = 0;
    int more = 1;
#if defined(RN_HAVE_ALNUM16)
    while (more && q + 16 <= end) { /* (the room made holds 16 bytes from here) */
        size_t n = ascii_run16(text + q, at + (q - p), &seen);
        q += n;
        more = n == 16;
    }
#endif
    for (; more && q < end; q++) {
        unsigned c = text[q], k = ascii_alnum[c];
        if (!k)
            break;
        seen |= k;
        at[q - p] = (char)(c | (k & A_UP));
    }
    unsigned char nc = q < end ? text[q] : ' ';
    if ((seen & A_DIGIT) && (nc == ',' || nc == '.'))
        return 0;
    int after = nc >= 0x80 || nc == '\'' || nc == '-'; /* what may join or own the word */
    if (after) {
        int l;
        enum cclass k = classify(decode_at(w->text, q, end, &l));
        if (k == C_ALNUM || (k == C_APOS && apostrophe_inside(w, q, (size_t)l)))
            return 0;
    }
    if (seen & (A_LOW | A_UP)) {
        size_t k = p; /* the first letter, past any digits, decides CAP ("3D") */
        while (ascii_alnum[text[k]] == A_DIGIT)
            k++;
        if (ascii_alnum[text[k]] == A_UP)
            flags |= RN_TOK_CAP;
        if (!(seen & A_LOW))
            flags |= RN_TOK_UPPER;
    }
    flags |= RN_TOK_WORD;
    if (ascii_alnum[text[p]] == A_DIGIT)
        flags |= RN_TOK_NUM;
    token_commit(w->out, p, q, q - p, flags);
    token_pushed(w, q);
    return !after ? 1 : after_word(w) == RN_OK ? 1 : RN_ENOMEM;
}


/* Any other word, code point by code point (cp is its first): letters
   normalised with accents folded, digit groups and decimals kept in a
   number (1,000 and 3.5), apostrophes inside kept. */
static int general_word(struct tok_walk *w, int32_t cp, uint32_t flags)
{
    size_t s = w->p;
    int letters = 0, uppers = 0, first_letter_upper = -1, rc;
    if (cp < 0x80 && cp >= '0' && cp <= '9')
        flags |= RN_TOK_NUM;
    int numeric = (flags & RN_TOK_NUM) != 0;
    while (w->p < w->end) {
        int l2;
        int32_t c2 = decode_at(w->text, w->p, w->end, &l2);
        enum cclass k2 = classify(c2);
        if (k2 == C_ALNUM) {
            if (!(c2 >= '0' && c2 <= '9')) {
                int up = rn_unicode_is_upper(c2);
                letters++;
                uppers += up;
                if (first_letter_upper < 0)
                    first_letter_upper = up;
            }
            if ((rc = norm_cp(&w->word, &w->tmp, w->text, w->p, l2, c2)) != RN_OK)
                return rc;
            w->p += (size_t)l2;
        } else if (numeric && (c2 == ',' || c2 == '.') && w->p + 1 < w->end &&
                   w->text[w->p + 1] >= '0' && w->text[w->p + 1] <= '9') {
            if ((rc = rn_buf_addc(&w->word, (char)c2)) != RN_OK)
                return rc;
            w->p++;
        } else if (k2 == C_APOS && apostrophe_inside(w, w->p, (size_t)l2)) {
            if ((rc = rn_buf_addc(&w->word, '\'')) != RN_OK)
                return rc;
            w->p += (size_t)l2;
        } else {
            break;
        }
    }
    if (letters && first_letter_upper > 0)
        flags |= RN_TOK_CAP;
    if (letters && uppers == letters)
        flags |= RN_TOK_UPPER;
    flags |= RN_TOK_WORD;
    rc = push(w->out, s, w->p, w->word.data, w->word.len, flags);
    token_pushed(w, w->p);
    return rc;
}

/* An apostrophe of l bytes at w->p right after a word: "'s" is the
   possessive; so is a bare apostrophe after -s ("Eyes' accusations")
   unless a single quote is open, which it closes instead. */
static int possessive_after(struct tok_walk *w, size_t l)
{
    size_t q = w->p + l;
    int l3 = 0;
    int32_t c3 = q < w->end ? decode_at(w->text, q, w->end, &l3) : ' ';
    int rc = RN_OK;
    if ((c3 == 's' || c3 == 'S') && q < w->end) {
        rc = push(w->out, w->p, q + (size_t)l3, "'s", 2, RN_TOK_POSS);
        w->p = q + (size_t)l3;
        return rc;
    }
    const char *word = rn_token_norm(w->out, w->out->len - 1);
    size_t wl = w->out->items[w->out->len - 1].norm_len;
    if (!w->squote_open && wl > 1 && word[wl - 1] == 's' && classify(c3) != C_ALNUM) {
        rc = push(w->out, w->p, q, "'", 1, RN_TOK_POSS);
        w->p = q;
    }
    return rc;
}

/* What follows a general word: a possessive, a hyphen joining the next
   word (dropped, the next word gets RN_TOK_HYPHEN), or something else,
   which is the next token's business. */
static int after_word(struct tok_walk *w)
{
    if (w->p >= w->end)
        return RN_OK;
    int l2;
    enum cclass k2 = classify(decode_at(w->text, w->p, w->end, &l2));
    if (k2 == C_APOS)
        return possessive_after(w, (size_t)l2);
    if (k2 == C_HYPHEN && w->p + (size_t)l2 < w->end) {
        int l3;
        if (classify(decode_at(w->text, w->p + (size_t)l2, w->end, &l3)) == C_ALNUM) {
            w->hyphen = 1;
            w->p += (size_t)l2;
        }
    }
    return RN_OK;
}

/* A word starting with code point cp at w->p: a dotted abbreviation, a
   plain ASCII word, or any other word and what follows it. */
static inline __attribute__((always_inline)) int word_token(struct tok_walk *w, int32_t cp,
                                                             uint32_t flags)
{
    /* (a dotted abbreviation has a dot second) */
    size_t ab = w->p + 1 < w->end && w->text[w->p + 1] == '.' ? dotted_abbrev(w->text, w->p, w->end)
                                                             : 0;
    rn_buf_reset(&w->word);
    if (ab)
        return abbrev_token(w, ab, flags);
    if (w->hyphen)
        flags |= RN_TOK_HYPHEN;
    int rc = ascii_word(w, flags);
    if (rc != 0)
        return rc < 0 ? rc : RN_OK;
    rc = general_word(w, cp, flags);
    return rc == RN_OK ? after_word(w) : rc;
}

/* Punctuation of class cls, len bytes: one code point per token, dashes
   and quotes in one normal form each. */
static int punct_token(struct tok_walk *w, enum cclass cls, int len, uint32_t flags)
{
    const char *norm;
    char one[8];
    size_t nlen = 1;
    switch (cls) {
    case C_HYPHEN:
    case C_DASH:
        norm = "-";
        flags |= RN_TOK_PUNCT | RN_TOK_DASH;
        break;
    case C_DQUOTE:
        norm = "\"";
        flags |= RN_TOK_PUNCT | RN_TOK_QUOTE;
        break;
    case C_SQUOTE_OPEN:
        norm = "'";
        flags |= RN_TOK_PUNCT | RN_TOK_QUOTE;
        w->squote_open = 1;
        break;
    case C_APOS:
        norm = "'";
        flags |= RN_TOK_PUNCT | RN_TOK_QUOTE;
        /* A straight quote after a space opens; one after a word closes. */
        w->squote_open = w->space;
        break;
    default:
        memcpy(one, w->text + w->p, (size_t)len);
        one[len] = '\0';
        norm = one;
        nlen = (size_t)len;
        flags |= RN_TOK_PUNCT;
        break;
    }
    int rc = push(w->out, w->p, w->p + (size_t)len, norm, nlen, flags);
    token_pushed(w, w->p + (size_t)len);
    return rc;
}

/* The generations rn_tokenize gives, one counter for the process (see
   token.h): a cache keyed by a generation alone cannot mistake another
   struct's tokens, or another thread's, for the ones it holds. */
static atomic_ulong tokenize_gen = 1;

int rn_tokenize(const char *text, size_t start, size_t end, struct rn_tokens *out)
{
    out->len = 0;
    out->gen = atomic_fetch_add_explicit(&tokenize_gen, 1, memory_order_relaxed);
    rn_buf_reset(&out->norm);
    struct tok_walk w = {
        .text = text, .p = start, .end = end, .out = out,
        .word = out->scratch[0], .tmp = out->scratch[1], .space = 1,
    };
    int rc = RN_OK;
    while (rc == RN_OK && w.p < end) {
        if (text[w.p] == ' ') { /* most of what lies between words */
            w.space = 1;
            w.hyphen = 0;
            w.p++;
            continue;
        }
        uint32_t flags = w.space ? RN_TOK_SPACE : 0;
        if (ascii_alnum[(unsigned char)text[w.p]]) { /* most tokens */
            rc = word_token(&w, (unsigned char)text[w.p], flags);
            continue;
        }
        int len;
        int32_t cp = decode_at(text, w.p, end, &len);
        enum cclass cls = classify(cp);
        if (cls == C_SPACE) {
            w.space = 1;
            w.hyphen = 0;
            w.p += (size_t)len;
            continue;
        }
        if (cls == C_ALNUM)
            rc = word_token(&w, cp, flags);
        else
            rc = punct_token(&w, cls, len, flags);
    }
    out->scratch[0] = w.word; /* (their memory, for the next sentence) */
    out->scratch[1] = w.tmp;
    return rc;
}

int rn_token_is(const struct rn_tokens *t, size_t i, const char *s)
{
    return i < t->len && strcmp(rn_token_norm(t, i), s) == 0;
}

void rn_tokens_release(struct rn_tokens *t)
{
    free(t->items);
    t->items = NULL;
    t->len = t->cap = 0;
    rn_buf_release(&t->norm);
    rn_buf_release(&t->scratch[0]);
    rn_buf_release(&t->scratch[1]);
}
