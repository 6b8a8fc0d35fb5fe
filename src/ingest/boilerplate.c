/* boilerplate.c - the boilerplate phrase rules (see relnet/boilerplate.h).
 *
 * A line is folded into a "key" (ASCII lower-cased, punctuation runs one
 * space, at most KEY_MAX bytes) and compared with the phrases, themselves
 * folded the same way when loaded; per line only that bounded prefix is
 * compared, so matching stays linear in the input.
 *
 * A line matches when any rule does, so the rules are indexed, not tried
 * in turn: line and prefix rules by the first byte of their key (a
 * leading '#' by every digit), contains rules by the first byte of the
 * word they start with, tried only at word starts of the key. Most lines
 * meet a handful of rules instead of all of them.
 */
#include "relnet/boilerplate.h"

#include "ascii.h"
#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <threads.h>

/* The built-in rules: data/lexicon/boilerplate.tsv, embedded at build time
   (CMake writes it into lexicon_boilerplate_tsv.h), so the file and the code cannot drift. */
#include "lexicon_boilerplate_tsv.h"

enum phrase_kind { PK_LINE, PK_PREFIX, PK_CONTAINS, PK_CLASS };

#define KEY_MAX 512          /* folded bytes of a line compared with phrases */
_Static_assert(KEY_MAX % 16 == 0, "a key's buffer is read 16 bytes at a step");
#define CONTAINS_MAX_WORDS 80 /* "contains" rules only look at short lines */

#define NO_RULE (-1)

struct phrase {
    char *key; /* folded phrase; '#' matches a number */
    size_t len;
    unsigned max_words; /* 0: any length */
    enum phrase_kind kind;
    int next; /* the next rule of its index chain, or NO_RULE */
};

struct rn_boiler_rules {
    struct phrase *items; /* line, prefix and contains rules, file order */
    size_t len, cap;
    char **tokens;        /* class tokens, sorted for bsearch */
    size_t ntokens, tokcap;
    size_t longest;         /* longest phrase key */
    unsigned contains_words; /* largest MAX_WORDS of a contains rule */
    /* The index (index_rules): chains of rule indexes through next. */
    int starts_with[256]; /* line and prefix rules by their key's first byte */
    int number_first;     /* line and prefix rules whose key starts with '#' */
    int contains[256];    /* contains rules by their key's first byte */
};

/* Bytes in the UTF-8 sequence led by c (1 for a stray byte). */
static size_t utf8_len(unsigned char c)
{
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    if (c >= 0xE0)
        return c <= 0xEF ? 3 : 1;
    if (c >= 0xC2)
        return 2;
    return 1;
}

/* Non-ASCII characters that separate words like ASCII punctuation does:
 * no-break space, guillemets, middle dot, general punctuation (dashes,
 * curly quotes, bullets, ellipsis), arrows, geometric shapes. */
static int utf8_separator(const unsigned char *s, size_t n)
{
    if (n == 2 && s[0] == 0xC2)
        return s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xB7 || s[1] == 0xA6;
    if (n == 3 && s[0] == 0xE2)
        return s[1] == 0x80 || s[1] == 0x81 || s[1] == 0x86 || s[1] == 0x96 || s[1] == 0x97;
    return 0;
}

/* Word bytes folded: ASCII letters lower-cased, digits kept, 0 for every
   other byte; in [1], '#' kept too (the number wildcard of a phrase). A
   line's key is folded byte by byte, and one load per byte is cheaper than
   range tests. The two differ in '#' (0x23) alone; bytes from 0x80 on are
   0. */
#define FOLD_ROWS_LOW \
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
#define FOLD_ROW_PUNCT(hash) \
    0, 0, 0, hash, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
#define FOLD_ROWS_HIGH \
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0, 0, 0, 0, 0, 0, \
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', \
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0, \
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', \
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0
static const unsigned char word_fold[2][256] = {
    { FOLD_ROWS_LOW FOLD_ROW_PUNCT(0) FOLD_ROWS_HIGH },
    { FOLD_ROWS_LOW FOLD_ROW_PUNCT('#') FOLD_ROWS_HIGH },
};
#undef FOLD_ROWS_LOW
#undef FOLD_ROW_PUNCT
#undef FOLD_ROWS_HIGH

#if defined(RN_HAVE_ALNUM16)
/* fold_key's step over 16 bytes of plain prose at s: ASCII letters, digits
   and single spaces, nothing else. Written at key + *k as fold_key would
   write them byte by byte: lowercased, each space kept when a word follows
   it in the block, a space at the block's end left pending (*space); the
   caller leaves 16 bytes of room past *k + 1. Returns 0, having written
   nothing that counts, when the bytes are not all plain, two spaces meet,
   or a space would come first where fold_key drops it (the key's start, or
   after a pending space). */
static int fold_plain16(const unsigned char *s, char *key, size_t *k, int *space)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
#define IN_RANGE(lo, hi)                                                    \
    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)((lo) - 1))),      \
                  _mm_cmplt_epi8(v, _mm_set1_epi8((char)((hi) + 1))))
    __m128i up = IN_RANGE('A', 'Z');
    __m128i word = _mm_or_si128(_mm_or_si128(up, IN_RANGE('a', 'z')), IN_RANGE('0', '9'));
#undef IN_RANGE
    unsigned gaps = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    unsigned words = (unsigned)_mm_movemask_epi8(word);
    if ((words | gaps) != 0xFFFFu || (gaps & (gaps >> 1)) || ((gaps & 1u) && (*space || *k == 0)))
        return 0;
    if (*space && *k > 0)
        key[(*k)++] = ' ';
    _mm_storeu_si128((__m128i *)(void *)(key + *k),
                     _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20))));
    *space = (int)(gaps >> 15);
    *k += 16 - (size_t)*space;
    return 1;
}
#endif

/* Fold s[0..n) into key (at most KEY_MAX bytes): ASCII letters lower-cased,
 * runs of punctuation and space become one space, ':' is kept (attached to
 * the word before), other non-ASCII characters are kept as they are
 * ("©"). With keep_hash, '#' is kept as the number wildcard. Returns the
 * key's length. */
static size_t fold_key(const char *text, size_t n, char *key, size_t max, int keep_hash)
{
    const unsigned char *s = (const unsigned char *)text;
    const unsigned char *fold = word_fold[keep_hash != 0];
    size_t k = 0, i = 0;
    int space = 0;
    if (max > KEY_MAX)
        max = KEY_MAX;
    while (i < n && k + 5 < max) {
#if defined(RN_HAVE_ALNUM16)
        /* most of a paragraph, 16 bytes at a step, away from the key's end */
        if (!keep_hash && i + 16 <= n && k + 23 < max && fold_plain16(s + i, key, &k, &space)) {
            i += 16;
            continue;
        }
#endif
        unsigned char c = s[i];
        unsigned char f = fold[c];
        if (f) {
            if (space && k > 0)
                key[k++] = ' ';
            space = 0;
            /* the rest of the word in one go (most of a line is words),
               bounded once: the first byte always, then while k + 5 < max
               (16 bytes at a step where they lie before stop, which keeps
               them inside the key too; not for '#', a word byte here) */
            size_t room = k + 5 < max ? max - 5 - k : 1;
            size_t stop = n - i < room ? n : i + room;
            key[k++] = (char)f;
            int more = ++i < stop;
#if defined(RN_HAVE_ALNUM16)
            while (more && !keep_hash && i + 16 <= stop) {
                unsigned m[3];
                size_t w = rn_ascii_alnum16(s + i, key + k, m);
                i += w;
                k += w;
                more = w == 16;
            }
#endif
            while (more && i < stop && (f = fold[s[i]]) != 0) {
                key[k++] = (char)f;
                i++;
            }
        } else if (c == ':') {
            if (k > 0 && key[k - 1] != ':')
                key[k++] = ':';
            space = 1;
            i++;
        } else if (c < 0x80) {
            space = 1;
            i++;
        } else {
            size_t m = utf8_len(c);
            if (m > n - i)
                m = n - i;
            if (utf8_separator(s + i, m)) {
                space = 1;
            } else {
                if (space && k > 0)
                    key[k++] = ' ';
                memcpy(key + k, s + i, m);
                k += m;
                space = 0;
            }
            i += m;
        }
    }
    return k;
}

/* Match phrase p at key[pos]: returns the end of the match or -1. '#' in
 * the phrase takes one or more digits. The match must end at a word end
 * when the phrase ends in a word character. */
static long match_at(const char *key, size_t kn, size_t pos, const struct phrase *p)
{
    size_t k = pos;
    for (size_t i = 0; i < p->len; i++) {
        if (p->key[i] == '#') {
            if (k >= kn || !rn_ascii_is_digit((unsigned char)key[k]))
                return -1;
            while (k < kn && rn_ascii_is_digit((unsigned char)key[k]))
                k++;
        } else {
            if (k >= kn || key[k] != p->key[i])
                return -1;
            k++;
        }
    }
    unsigned char last = (unsigned char)p->key[p->len - 1];
    if ((rn_ascii_is_alnum(last) || last == '#') && k < kn && key[k] != ' ' && key[k] != ':')
        return -1;
    return (long)k;
}

/* Does a line with this key and word count match one phrase rule? */
static int phrase_matches(const struct phrase *p, const char *key, size_t kn, size_t words)
{
    if (p->max_words && words > p->max_words)
        return 0;
    switch (p->kind) {
    case PK_LINE: {
        /* "Read more:" is the line "read more" */
        size_t n = kn;
        if (n > 0 && key[n - 1] == ':')
            n--;
        return match_at(key, n, 0, p) == (long)n;
    }
    case PK_PREFIX:
        return match_at(key, kn, 0, p) >= 0;
    default:
        return 0;
    }
}

/* Does a line rule or a prefix rule of the chain from first match? */
static int chain_matches(const struct rn_boiler_rules *r, int first, const char *key, size_t kn,
                         size_t words)
{
    for (int i = first; i != NO_RULE; i = r->items[i].next)
        if (phrase_matches(&r->items[i], key, kn, words))
            return 1;
    return 0;
}

/* Is one of the contains rules (of at least words MAX_WORDS) at key[at]?
   Their chains run from the largest MAX_WORDS down. */
static int contains_at(const struct rn_boiler_rules *r, const char *key, size_t kn, size_t at,
                       size_t words)
{
    for (int i = r->contains[(unsigned char)key[at]]; i != NO_RULE; i = r->items[i].next) {
        if (words > r->items[i].max_words)
            break;
        if (match_at(key, kn, at, &r->items[i]) >= 0)
            return 1;
    }
    return 0;
}

/* The key's word starts (its first byte, every byte after a space) among
   key[base, base + 16), as bits; the key's buffer holds KEY_MAX bytes
   (base + 16 <= KEY_MAX), those from kn on are masked out. Found 16 bytes
   at a step where SSE2 is: a line has a word start every 6 bytes. */
static unsigned word_starts16(const char *key, size_t kn, size_t base)
{
    unsigned bits = 0, valid = kn - base >= 16 ? 0xFFFFu : (1u << (kn - base)) - 1u;
#if defined(RN_HAVE_ALNUM16)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(key + base));
    bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) << 1;
#else
    for (size_t j = 0; j + 1 < 16 && base + j < kn; j++)
        bits |= (unsigned)(key[base + j] == ' ') << (j + 1);
#endif
    bits |= base == 0 || key[base - 1] == ' ';
    return bits & valid;
}

/* Is one of the contains rules (of at least words MAX_WORDS) at a word
   start of the key? */
static int contains_matches(const struct rn_boiler_rules *r, const char *key, size_t kn,
                            size_t words)
{
    for (size_t base = 0; base < kn; base += 16)
        for (unsigned starts = word_starts16(key, kn, base); starts; starts &= starts - 1)
            if (contains_at(r, key, kn, base + (size_t)__builtin_ctz(starts), words))
                return 1;
    return 0;
}

static int token_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int rules_add_token(struct rn_boiler_rules *r, const char *tok, size_t n)
{
    char **t = rn_array_grow(r->tokens, &r->tokcap, r->ntokens, sizeof *t, 64);
    if (!t)
        return RN_ENOMEM;
    r->tokens = t;
    char *copy = malloc(n + 1);
    if (!copy)
        return RN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        copy[i] = (char)rn_ascii_lower((unsigned char)tok[i]);
    copy[n] = '\0';
    r->tokens[r->ntokens++] = copy;
    return RN_OK;
}

static int rules_add_phrase(struct rn_boiler_rules *r, enum phrase_kind kind, const char *text,
                            size_t n, unsigned max_words)
{
    char key[KEY_MAX];
    size_t kn = fold_key(text, n, key, KEY_MAX, 1);
    if (kn == 0)
        return RN_EINPUT;
    if (kn > r->longest)
        r->longest = kn;
    if (kind == PK_CONTAINS && max_words > r->contains_words)
        r->contains_words = max_words;
    struct phrase *p = rn_array_grow(r->items, &r->cap, r->len, sizeof *p, 128);
    if (!p)
        return RN_ENOMEM;
    r->items = p;
    char *copy = malloc(kn + 1);
    if (!copy)
        return RN_ENOMEM;
    memcpy(copy, key, kn);
    copy[kn] = '\0';
    r->items[r->len++] = (struct phrase){ copy, kn, max_words, kind, NO_RULE };
    return RN_OK;
}

/* Class tokens are looked up with bsearch. (qsort and bsearch must not be
   given the NULL array of a rule set without class rules.) */
static void sort_tokens(struct rn_boiler_rules *r)
{
    if (r->ntokens > 1)
        qsort(r->tokens, r->ntokens, sizeof *r->tokens, token_cmp);
}

/* Put rule k into the chain at *head: contains rules in order of MAX_WORDS,
   largest first, so that a long line stops early; the others in front. */
static void chain_in(struct rn_boiler_rules *r, int *head, int k)
{
    struct phrase *p = &r->items[k];
    if (p->kind == PK_CONTAINS)
        while (*head != NO_RULE && r->items[*head].max_words > p->max_words)
            head = &r->items[*head].next;
    p->next = *head;
    *head = k;
}

/* Link every phrase rule into the chain its first byte selects. A contains
   rule that starts with '#' is left out: its literal part is empty, and
   it never matched. */
static void index_rules(struct rn_boiler_rules *r)
{
    for (int b = 0; b < 256; b++)
        r->starts_with[b] = r->contains[b] = NO_RULE;
    r->number_first = NO_RULE;
    for (size_t k = r->len; k-- > 0;) {
        struct phrase *p = &r->items[k];
        unsigned char first = (unsigned char)p->key[0];
        int *head = p->kind == PK_CONTAINS ? (first == '#' ? NULL : &r->contains[first])
                    : first == '#'         ? &r->number_first
                                           : &r->starts_with[first];
        if (head)
            chain_in(r, head, (int)k);
    }
}

/* A rule set is complete: sort and index it for matching. */
static void rules_ready(struct rn_boiler_rules *r)
{
    sort_tokens(r);
    index_rules(r);
}

/* Add one TSV line (no newline) to r; name and lineno are for messages. */
static int parse_rule(struct rn_boiler_rules *r, const char *line, size_t n, const char *name,
                      size_t lineno, struct rn_err *err)
{
    static const char *const kinds[] = { "line", "prefix", "contains", "class" };
    while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' '))
        n--;
    if (n == 0 || line[0] == '#')
        return RN_OK;
    const char *tab = memchr(line, '\t', n);
    size_t kn = tab ? (size_t)(tab - line) : n;
    int kind = -1;
    for (int k = 0; k < 4; k++)
        if (strlen(kinds[k]) == kn && memcmp(kinds[k], line, kn) == 0)
            kind = k;
    if (kind < 0)
        return rn_fail(err, RN_EINPUT,
                       "%s:%zu: unknown kind '%.*s', expected line, prefix, contains or class",
                       name, lineno, kn > 40 ? 40 : (int)kn, line);
    if (!tab)
        return rn_fail(err, RN_EINPUT, "%s:%zu: expected KIND<TAB>PHRASE", name, lineno);
    const char *phrase = tab + 1;
    const char *tab2 = memchr(phrase, '\t', n - (size_t)(phrase - line));
    size_t pn = tab2 ? (size_t)(tab2 - phrase) : n - (size_t)(phrase - line);
    unsigned long max_words = 0;
    if (tab2 && tab2 + 1 < line + n) {
        char num[16];
        size_t dn = (size_t)(line + n - (tab2 + 1));
        int ok = dn < sizeof num;
        for (size_t i = 0; ok && i < dn; i++)
            ok = rn_ascii_is_digit((unsigned char)tab2[1 + i]);
        if (ok) {
            memcpy(num, tab2 + 1, dn);
            num[dn] = '\0';
            max_words = strtoul(num, NULL, 10);
        }
        if (!ok || max_words > 1000)
            return rn_fail(err, RN_EINPUT, "%s:%zu: MAX_WORDS must be a number from 0 to 1000",
                           name, lineno);
    }
    if (kind == PK_CONTAINS && (max_words == 0 || max_words > CONTAINS_MAX_WORDS))
        return rn_fail(err, RN_EINPUT, "%s:%zu: a contains rule needs MAX_WORDS from 1 to %d",
                       name, lineno, CONTAINS_MAX_WORDS);
    int rc;
    if (kind == PK_CLASS) {
        for (size_t i = 0; i < pn; i++)
            if (!rn_ascii_is_alnum((unsigned char)phrase[i]))
                return rn_fail(err, RN_EINPUT,
                               "%s:%zu: a class token is letters and digits only", name,
                               lineno);
        rc = pn ? rules_add_token(r, phrase, pn) : RN_EINPUT;
    } else {
        rc = rules_add_phrase(r, (enum phrase_kind)kind, phrase, pn, (unsigned)max_words);
    }
    if (rc == RN_EINPUT)
        return rn_fail(err, RN_EINPUT, "%s:%zu: expected a phrase after the kind", name, lineno);
    if (rc != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory reading %s", name);
    return RN_OK;
}

static void rules_clear(struct rn_boiler_rules *r)
{
    for (size_t i = 0; i < r->len; i++)
        free(r->items[i].key);
    for (size_t i = 0; i < r->ntokens; i++)
        free(r->tokens[i]);
    free(r->items);
    free(r->tokens);
    memset(r, 0, sizeof *r);
}

static struct rn_boiler_rules builtin;
static once_flag builtin_once = ONCE_FLAG_INIT;

static void builtin_init(void)
{
    size_t lineno = 0;
    const char *s = lexicon_boilerplate_tsv;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        /* The built-in text is tested to parse; only out of memory can stop
           it, which leaves fewer rules, never wrong ones. */
        if (parse_rule(&builtin, s, n, "built-in boilerplate", ++lineno, NULL) == RN_ENOMEM)
            break;
        s += n + (e ? 1 : 0);
    }
    rules_ready(&builtin);
}

const struct rn_boiler_rules *rn_boiler_rules_builtin(void)
{
    call_once(&builtin_once, builtin_init);
    return &builtin;
}

struct rule_file {
    struct rn_boiler_rules *rules;
    const char *path;
};

static int rule_line(void *ctx, const char *s, size_t n, size_t lineno, struct rn_err *err)
{
    struct rule_file *rf = ctx;
    return parse_rule(rf->rules, s, n, rf->path, lineno, err);
}

int rn_boiler_rules_load(const char *path, struct rn_boiler_rules **out, struct rn_err *err)
{
    *out = NULL;
    struct rule_file rf = { calloc(1, sizeof *rf.rules), path };
    if (!rf.rules)
        return rn_fail(err, RN_ENOMEM, "out of memory reading %s", path);
    int rc = rn_lines_read(path, rule_line, &rf, err);
    if (rc != RN_OK) {
        rn_boiler_rules_free(rf.rules);
        return rc;
    }
    rules_ready(rf.rules);
    *out = rf.rules;
    return RN_OK;
}

void rn_boiler_rules_free(struct rn_boiler_rules *rules)
{
    if (!rules || rules == &builtin)
        return;
    rules_clear(rules);
    free(rules);
}

int rn_boiler_rules_match_line(const struct rn_boiler_rules *r, const char *s, size_t n,
                               size_t words)
{
    /* A line too long for every contains rule needs only as much key as
       the longest phrase (plus room for a number matched by '#'). */
    char key[KEY_MAX];
    size_t want = words <= r->contains_words ? KEY_MAX : r->longest + 24;
    size_t kn = fold_key(s, n, key, want, 0);
    if (kn == 0)
        return 0;
    unsigned char first = (unsigned char)key[0];
    return chain_matches(r, r->starts_with[first], key, kn, words) ||
           (rn_ascii_is_digit(first) && chain_matches(r, r->number_first, key, kn, words)) ||
           (words <= r->contains_words && contains_matches(r, key, kn, words));
}

int rn_boiler_is_class_token(const char *token, size_t len, const void *ctx)
{
    (void)len;
    const struct rn_boiler_rules *r = ctx;
    return r->ntokens > 0 &&
           bsearch(&token, r->tokens, r->ntokens, sizeof *r->tokens, token_cmp) != NULL;
}
