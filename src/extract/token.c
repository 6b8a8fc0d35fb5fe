/* token.c - sentence tokenizer with offsets into the original text (see relnet/token.h). */
#include "relnet/token.h"

#include "relnet/error.h"
#include "relnet/text.h"

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

/* Add a token whose normal form has nlen bytes: returns where the caller
   writes them (the NUL after them is written here), or NULL when out of
   memory. */
static char *push_room(struct rn_tokens *out, size_t start, size_t end, size_t nlen,
                       uint32_t flags)
{
    struct rn_token *items = rn_array_grow(out->items, &out->cap, out->len, sizeof *items, 64);
    if (!items)
        return NULL;
    out->items = items;
    struct rn_buf *b = &out->norm;
    if (b->len + nlen + 2 > b->cap && rn_buf_grow(b, nlen + 1) != RN_OK)
        return NULL;
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

int rn_tokenize(const char *text, size_t start, size_t end, struct rn_tokens *out)
{
    out->len = 0;
    out->gen++;
    rn_buf_reset(&out->norm);
    struct rn_buf word = RN_BUF_INIT, tmp = RN_BUF_INIT;
    int rc = RN_OK;
    int space = 1, hyphen = 0, squote_open = 0;
    size_t p = start;
    while (p < end) {
        if (text[p] == ' ') { /* most of what lies between words */
            space = 1;
            hyphen = 0;
            p++;
            continue;
        }
        int len;
        int32_t cp = decode_at(text, p, end, &len);
        enum cclass cls = classify(cp);
        if (cls == C_SPACE) {
            space = 1;
            hyphen = 0;
            p += (size_t)len;
            continue;
        }
        uint32_t flags = space ? RN_TOK_SPACE : 0;
        if (cls == C_ALNUM) {
            size_t ab = dotted_abbrev(text, p, end);
            rn_buf_reset(&word);
            if (ab) {
                for (size_t k = p; k < p + ab; k++)
                    if (text[k] != '.' && (rc = rn_buf_addc(&word, (char)(text[k] | 0x20))) != RN_OK)
                        goto out;
                flags |= RN_TOK_WORD | RN_TOK_CAP | RN_TOK_UPPER | RN_TOK_DOTS;
                if ((rc = push(out, p, p + ab, word.data, word.len, flags)) != RN_OK)
                    goto out;
                p += ab;
                space = 0;
                hyphen = 0;
                continue;
            }
            size_t s = p;
            int letters = 0, uppers = 0, first_letter_upper = -1;
            if (hyphen)
                flags |= RN_TOK_HYPHEN;
            /* Fast path: a plain ASCII word ending in space or simple
               punctuation is lowercased straight into the output. */
            {
                size_t q = p;
                int up = 0, low = 0, digit = 0;
                while (q < end) {
                    unsigned char c = (unsigned char)text[q];
                    if (c >= 'a' && c <= 'z')
                        low++;
                    else if (c >= 'A' && c <= 'Z')
                        up++;
                    else if (c >= '0' && c <= '9')
                        digit++;
                    else
                        break;
                    q++;
                }
                unsigned char nc = q < end ? (unsigned char)text[q] : ' ';
                if (nc < 0x80 && nc != '\'' && nc != '-' && !(digit && (nc == ',' || nc == '.'))) {
                    size_t wl = q - p;
                    if (up + low) {
                        unsigned char c0 = (unsigned char)text[p];
                        size_t k = p;
                        while (k < q && text[k] >= '0' && text[k] <= '9')
                            k++;
                        c0 = (unsigned char)text[k];
                        if (c0 >= 'A' && c0 <= 'Z')
                            flags |= RN_TOK_CAP;
                        if (low == 0)
                            flags |= RN_TOK_UPPER;
                    }
                    flags |= RN_TOK_WORD;
                    if (text[p] >= '0' && text[p] <= '9')
                        flags |= RN_TOK_NUM;
                    /* lower-cased straight into the token's normal form */
                    char *at = push_room(out, p, q, wl, flags);
                    if (!at) {
                        rc = RN_ENOMEM;
                        goto out;
                    }
                    for (size_t k = 0; k < wl; k++) {
                        char c = text[p + k];
                        at[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                    }
                    p = q;
                    space = 0;
                    hyphen = 0;
                    continue;
                }
            }
            if (cp < 0x80 && cp >= '0' && cp <= '9')
                flags |= RN_TOK_NUM;
            int numeric = (flags & RN_TOK_NUM) != 0;
            while (p < end) {
                int l2;
                int32_t c2 = decode_at(text, p, end, &l2);
                enum cclass k2 = classify(c2);
                if (k2 == C_ALNUM) {
                    int is_letter = !(c2 >= '0' && c2 <= '9');
                    if (is_letter && c2 >= 0x80)
                        is_letter = 1;
                    if (is_letter) {
                        int up = rn_unicode_is_upper(c2);
                        letters++;
                        uppers += up;
                        if (first_letter_upper < 0)
                            first_letter_upper = up;
                    }
                    if ((rc = norm_cp(&word, &tmp, text, p, l2, c2)) != RN_OK)
                        goto out;
                    p += (size_t)l2;
                    continue;
                }
                /* Digit groups and decimals stay in a number: 1,000 and 3.5. */
                if (numeric && (c2 == ',' || c2 == '.') && p + 1 < end && text[p + 1] >= '0' &&
                    text[p + 1] <= '9') {
                    if ((rc = rn_buf_addc(&word, (char)c2)) != RN_OK)
                        goto out;
                    p++;
                    continue;
                }
                if (k2 == C_APOS && p + (size_t)l2 < end) {
                    int l3;
                    int32_t c3 = decode_at(text, p + (size_t)l2, end, &l3);
                    if (classify(c3) == C_ALNUM) {
                        /* 's followed by a non-letter is the possessive (or
                           "it's"): it becomes its own token. */
                        size_t after = p + (size_t)l2 + (size_t)l3;
                        int ends = after >= end || classify(decode_at(text, after, end, &l3)) !=
                                                       C_ALNUM;
                        if ((c3 == 's' || c3 == 'S') && ends)
                            break;
                        if ((rc = rn_buf_addc(&word, '\'')) != RN_OK)
                            goto out;
                        p += (size_t)l2;
                        continue;
                    }
                }
                break;
            }
            if (letters && first_letter_upper > 0)
                flags |= RN_TOK_CAP;
            if (letters && uppers == letters)
                flags |= RN_TOK_UPPER;
            flags |= RN_TOK_WORD;
            if ((rc = push(out, s, p, word.data, word.len, flags)) != RN_OK)
                goto out;
            space = 0;
            hyphen = 0;
            /* What follows the word: a possessive, a hyphen joining the next
               word, or something else. */
            if (p < end) {
                int l2;
                int32_t c2 = decode_at(text, p, end, &l2);
                enum cclass k2 = classify(c2);
                if (k2 == C_APOS) {
                    size_t q = p + (size_t)l2;
                    int l3 = 0;
                    int32_t c3 = q < end ? decode_at(text, q, end, &l3) : ' ';
                    if ((c3 == 's' || c3 == 'S') && q < end) {
                        if ((rc = push(out, p, q + (size_t)l3, "'s", 2, RN_TOK_POSS)) != RN_OK)
                            goto out;
                        p = q + (size_t)l3;
                        continue;
                    }
                    /* "Eyes' accusations": a bare apostrophe after -s is a
                       possessive unless a single quote is open. */
                    const char *w = rn_token_norm(out, out->len - 1);
                    size_t wl = out->items[out->len - 1].norm_len;
                    if (!squote_open && wl > 1 && w[wl - 1] == 's' && classify(c3) != C_ALNUM) {
                        if ((rc = push(out, p, q, "'", 1, RN_TOK_POSS)) != RN_OK)
                            goto out;
                        p = q;
                        continue;
                    }
                } else if (k2 == C_HYPHEN && p + (size_t)l2 < end) {
                    int l3;
                    int32_t c3 = decode_at(text, p + (size_t)l2, end, &l3);
                    if (classify(c3) == C_ALNUM) {
                        hyphen = 1;
                        p += (size_t)l2;
                        continue;
                    }
                }
            }
            continue;
        }
        /* Punctuation: one code point per token. */
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
            squote_open = 1;
            break;
        case C_APOS:
            norm = "'";
            flags |= RN_TOK_PUNCT | RN_TOK_QUOTE;
            /* A straight quote after a space opens; one after a word closes. */
            if (space)
                squote_open = 1;
            else
                squote_open = 0;
            break;
        default:
            memcpy(one, text + p, (size_t)len);
            one[len] = '\0';
            norm = one;
            nlen = (size_t)len;
            flags |= RN_TOK_PUNCT;
            break;
        }
        if ((rc = push(out, p, p + (size_t)len, norm, nlen, flags)) != RN_OK)
            goto out;
        p += (size_t)len;
        space = 0;
        hyphen = 0;
    }
out:
    rn_buf_release(&word);
    rn_buf_release(&tmp);
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
}
