/* sentence.c - rule-based sentence splitter (see relnet/sentence.h).
 *
 * One left-to-right pass. At each candidate stop the decision reads only a
 * bounded window (the word before, the word after), so the whole split is
 * O(len) whatever the input looks like. Abbreviation rules are a sorted
 * array searched with bsearch; the built-in set is parsed from its embedded
 * TSV text once, on first use, under call_once.
 */
#include "relnet/sentence.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <threads.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum {
    F_TITLE = 1,     /* never ends a sentence: Mr. Dr. Gen. */
    F_AMBIGUOUS = 2, /* ends one only before a sentence starter: Inc. Sept. */
    F_NUMBER = 4,    /* never ends before a digit: No. 5, Art. 3 */
    F_INNER = 8,     /* never ends a sentence: e.g. i.e. vs. */
    F_STARTER = 16,  /* a word that typically begins a sentence: The, He */
};

#define WORD_MAX 23 /* longest rule word; longer words are never abbreviations */

struct rule {
    char word[WORD_MAX + 1];
    unsigned char len;
    unsigned char flags;
};

struct rn_sentence_rules {
    struct rule *items; /* sorted by bytes, then length; unique words */
    size_t len;
};

/* The built-in rules: data/lexicon/abbreviations.tsv, embedded at build time
   (CMake writes it into lexicon_abbreviations_tsv.h), so the file and the code cannot drift. */
#include "lexicon_abbreviations_tsv.h"

static int rule_cmp(const void *a, const void *b)
{
    const struct rule *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->word, y->word, n);
    if (c)
        return c;
    return (int)x->len - (int)y->len;
}

/* Sort and merge duplicates (a word may be both "number No" and "starter No"). */
static void rules_finish(struct rn_sentence_rules *r)
{
    if (r->len == 0)
        return;
    qsort(r->items, r->len, sizeof *r->items, rule_cmp);
    size_t w = 0;
    for (size_t i = 1; i < r->len; i++) {
        if (rule_cmp(&r->items[w], &r->items[i]) == 0)
            r->items[w].flags |= r->items[i].flags;
        else
            r->items[++w] = r->items[i];
    }
    r->len = w + 1;
}

static int kind_flags(const char *kind, size_t n)
{
    static const struct {
        const char *name;
        int flag;
    } kinds[] = {
        { "title", F_TITLE }, { "ambiguous", F_AMBIGUOUS }, { "number", F_NUMBER },
        { "inner", F_INNER }, { "starter", F_STARTER },
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strlen(kinds[i].name) == n && memcmp(kinds[i].name, kind, n) == 0)
            return kinds[i].flag;
    return 0;
}

/* Add one TSV line (no newline) to r. name and lineno are for messages. */
static int parse_line(struct rn_sentence_rules *r, size_t *cap, const char *line, size_t n,
                      const char *name, size_t lineno, struct rn_err *err)
{
    while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' '))
        n--;
    if (n == 0 || line[0] == '#')
        return RN_OK;
    const char *tab = memchr(line, '\t', n);
    int flags = tab ? kind_flags(line, (size_t)(tab - line)) : 0;
    if (!flags) {
        int kn = tab ? (int)(tab - line) : (int)n;
        return rn_fail(err, RN_EINPUT,
                       "%s:%zu: unknown kind '%.*s', expected title, ambiguous, number, "
                       "inner or starter",
                       name, lineno, kn > 40 ? 40 : kn, line);
    }
    const char *word = tab + 1;
    size_t wn = n - (size_t)(word - line);
    while (wn > 0 && word[wn - 1] == '.')
        wn--;
    if (wn == 0 || wn > WORD_MAX)
        return rn_fail(err, RN_EINPUT, "%s:%zu: expected a word of 1 to %d bytes after the kind",
                       name, lineno, WORD_MAX);
    struct rule *items = rn_array_grow(r->items, cap, r->len, sizeof *items, 256);
    if (!items)
        return rn_fail(err, RN_ENOMEM, "out of memory reading %s", name);
    r->items = items;
    struct rule *out = &r->items[r->len++];
    memcpy(out->word, word, wn);
    out->word[wn] = '\0';
    out->len = (unsigned char)wn;
    out->flags = (unsigned char)flags;
    return RN_OK;
}

static struct rn_sentence_rules builtin;
static once_flag builtin_once = ONCE_FLAG_INIT;

static void builtin_init(void)
{
    size_t cap = 0, lineno = 0;
    const char *s = lexicon_abbreviations_tsv;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        /* The built-in text is tested to parse; a failure here can only be
           out of memory, which leaves the rules shorter, never invalid. */
        if (parse_line(&builtin, &cap, s, n, "built-in abbreviations", ++lineno, NULL) ==
            RN_ENOMEM)
            break;
        s += n + (e ? 1 : 0);
    }
    rules_finish(&builtin);
}

const struct rn_sentence_rules *rn_sentence_rules_default(void)
{
    call_once(&builtin_once, builtin_init);
    return &builtin;
}

struct rule_file {
    struct rn_sentence_rules *rules;
    size_t cap;
    const char *path;
};

static int rule_line(void *ctx, const char *s, size_t n, size_t lineno, struct rn_err *err)
{
    struct rule_file *rf = ctx;
    return parse_line(rf->rules, &rf->cap, s, n, rf->path, lineno, err);
}

int rn_sentence_rules_load(const char *path, struct rn_sentence_rules **out,
                           struct rn_err *err)
{
    *out = NULL;
    struct rule_file rf = { calloc(1, sizeof *rf.rules), 0, path };
    if (!rf.rules)
        return rn_fail(err, RN_ENOMEM, "out of memory reading %s", path);
    int rc = rn_lines_read(path, rule_line, &rf, err);
    if (rc != RN_OK) {
        rn_sentence_rules_free(rf.rules);
        return rc;
    }
    rules_finish(rf.rules);
    *out = rf.rules;
    return RN_OK;
}

void rn_sentence_rules_free(struct rn_sentence_rules *rules)
{
    if (!rules || rules == &builtin)
        return;
    free(rules->items);
    free(rules);
}

static int rules_lookup(const struct rn_sentence_rules *r, const char *w, size_t n)
{
    if (n == 0 || n > WORD_MAX)
        return 0;
    struct rule key;
    memcpy(key.word, w, n);
    key.len = (unsigned char)n;
    /* An empty rule file leaves items NULL, which bsearch must not get. */
    const struct rule *hit =
        r->len ? bsearch(&key, r->items, r->len, sizeof *r->items, rule_cmp) : NULL;
    return hit ? hit->flags : 0;
}

void rn_sentences_release(struct rn_sentences *s)
{
    free(s->items);
    s->items = NULL;
    s->len = 0;
    s->cap = 0;
}

/* --- character classes ----------------------------------------------------- */

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
    return is_upper(c) || is_lower(c) || is_digit(c);
}

/* Length of a non-breaking space (U+00A0) at s, else 0. */
static size_t nbsp_at(const unsigned char *s, size_t i, size_t n)
{
    return (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) ? 2 : 0;
}

/* Length of a closing quote or bracket at s[i], else 0: " ' ) ] and the
 * curly ” ’ and » (UTF-8). */
static size_t closer_at(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x9D || s[i + 2] == 0x99))
        return 3;
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xBB)
        return 2;
    return 0;
}

/* Length of an opening quote or bracket at s[i], else 0: " ' ( [ “ ‘ «. */
static size_t opener_at(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[')
        return 1;
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x9C || s[i + 2] == 0x98))
        return 3;
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xAB)
        return 2;
    return 0;
}

/* Length of a stop at s[i]: . ! ? or the ellipsis U+2026; else 0. */
static size_t stop_at(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xA6)
        return 3;
    return 0;
}

/* Does the code point starting at s[i] look like a lower-case letter? ASCII,
 * Latin-1, Latin Extended-A (even/odd pairs), Greek and Cyrillic are
 * checked; every other script counts as "not lower case". */
static int lower_at(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return is_lower(c);
    if (i + 1 >= n)
        return 0;
    unsigned cp = 0;
    if ((c & 0xE0) == 0xC0)
        cp = ((unsigned)(c & 0x1F) << 6) | (s[i + 1] & 0x3Fu);
    else
        return 0;
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        return 1;
    if (cp >= 0x100 && cp <= 0x17F)
        return cp & 1;
    if (cp >= 0x3AC && cp <= 0x3CE)
        return 1;
    if (cp >= 0x430 && cp <= 0x45F)
        return 1;
    return 0;
}

/* --- the splitter ----------------------------------------------------------- */

static int push_span(struct rn_sentences *out, const unsigned char *s, size_t a, size_t b)
{
    for (;;) {
        if (a < b && (is_space(s[a]) || s[a] == '\n'))
            a++;
        else if (nbsp_at(s, a, b))
            a += 2;
        else
            break;
    }
    for (;;) {
        if (b > a && (is_space(s[b - 1]) || s[b - 1] == '\n'))
            b--;
        else if (b >= a + 2 && s[b - 2] == 0xC2 && s[b - 1] == 0xA0)
            b -= 2;
        else
            break;
    }
    if (a >= b)
        return RN_OK;
    struct rn_span *items = rn_array_grow(out->items, &out->cap, out->len, sizeof *items, 64);
    if (!items)
        return RN_ENOMEM;
    out->items = items;
    out->items[out->len].start = a;
    out->items[out->len].end = b;
    out->len++;
    return RN_OK;
}

/* The word ending just before the stop at s[stop]: letters, digits and
 * inner dots, at most WORD_MAX + 1 bytes back. *ws receives its start. */
static size_t word_before(const unsigned char *s, size_t from, size_t stop, size_t *ws)
{
    size_t i = stop;
    while (i > from && stop - i <= WORD_MAX && (is_alnum(s[i - 1]) || s[i - 1] == '.'))
        i--;
    while (i < stop && s[i] == '.')
        i++;
    *ws = i;
    return stop - i;
}

/* "U.S", "J.D", "a.m", "J": single letters joined by dots. */
static int is_dotted_initials(const unsigned char *w, size_t n)
{
    if (n == 0 || n % 2 == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (i % 2 == 0 ? !(is_upper(w[i]) || is_lower(w[i])) : w[i] != '.')
            return 0;
    }
    return n > 1 || is_upper(w[0]);
}

/* Only white space or bullet characters between the line start and pos? */
static int at_line_start(const unsigned char *s, size_t line_start, size_t pos)
{
    for (size_t i = line_start; i < pos; i++)
        if (!is_space(s[i]) && s[i] != '*' && s[i] != '-' && s[i] != '(')
            return 0;
    return 1;
}

/* Is the word at s[k] (after an optional opening quote) a sentence starter? */
static int starter_at(const struct rn_sentence_rules *r, const unsigned char *s, size_t k,
                      size_t n)
{
    size_t e = k;
    while (e < n && e - k <= WORD_MAX && (is_upper(s[e]) || is_lower(s[e])))
        e++;
    return (rules_lookup(r, (const char *)s + k, e - k) & F_STARTER) != 0;
}

/* Decide whether the stop s[stop..after) followed by white space and then
 * s[next] ends a sentence. line_start bounds the backward look. */
static int is_boundary(const struct rn_sentence_rules *r, const unsigned char *s, size_t n,
                       size_t line_start, size_t stop, size_t stop_len, size_t next)
{
    size_t o = opener_at(s, next, n);
    size_t k = next + o;
    if (k >= n)
        return 1;
    if (lower_at(s, k, n))
        return 0;
    if (!(stop_len == 1 && s[stop] == '.'))
        return 1; /* ! ? and ellipses end a sentence before anything not lower case */
    size_t ws;
    size_t wn = word_before(s, line_start, stop, &ws);
    if (wn == 0)
        return 1;
    const unsigned char *w = s + ws;
    int digits_only = 1;
    for (size_t i = 0; i < wn; i++)
        if (!is_digit(w[i]))
            digits_only = 0;
    if ((digits_only || (wn == 1 && (is_lower(w[0]) || is_upper(w[0])))) &&
        at_line_start(s, line_start, ws) && wn <= 3)
        return 0; /* "1. China ..." or "a. The ..." list marker */
    int flags = rules_lookup(r, (const char *)w, wn);
    if (flags & (F_INNER | F_TITLE))
        return 0;
    if ((flags & F_NUMBER) && is_digit(s[k]))
        return 0;
    if ((flags & (F_AMBIGUOUS | F_NUMBER)) || is_dotted_initials(w, wn)) {
        if (is_digit(s[k]))
            return 0; /* "Sept. 12", "U.S. 5G" */
        return starter_at(r, s, k, n);
    }
    return 1;
}

/* Bytes the splitter must look at: line ends and the first bytes of stops
 * (".", "!", "?", and 0xE2 which leads the ellipsis U+2026). */
static const unsigned char interesting[256] = {
    ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1,
};

/* The first byte from i, before limit, that is interesting, or limit.
 * Most of a text is plain (a stop in 150 bytes): 16 bytes at a step where
 * SSE2 is, the table byte by byte for the rest. */
static size_t next_interesting(const unsigned char *s, size_t i, size_t limit)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                  ask = _mm_set1_epi8('?'), e2 = _mm_set1_epi8((char)0xE2);
    for (; i + 16 <= limit; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, ask)));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(hit, _mm_cmpeq_epi8(v, e2)));
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    while (i < limit && !interesting[s[i]])
        i++;
    return i;
}

/* Where to cut a sentence that reached RN_SENTENCE_MAX_BYTES at pos: the
 * last space in its second half, else pos moved back to a character
 * boundary. Looks back at most half the maximum, and cuts happen at most
 * once per half maximum, so the total work stays linear. */
static size_t forced_cut(const unsigned char *s, size_t start, size_t pos)
{
    for (size_t k = pos; k > start + RN_SENTENCE_MAX_BYTES / 2; k--)
        if (s[k - 1] == ' ' || s[k - 1] == '\t')
            return k - 1;
    size_t cut = pos;
    for (int back = 0; back < 3 && cut > start + 1 && (s[cut] & 0xC0) == 0x80; back++)
        cut--;
    return cut;
}

int rn_sentence_split_with(const struct rn_sentence_rules *rules, const char *text,
                           size_t len, struct rn_sentences *out)
{
    const struct rn_sentence_rules *r = rules ? rules : rn_sentence_rules_default();
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len;
    size_t start = 0, line_start = 0;
    out->len = 0;
    size_t i = 0;
    while (i < n) {
        /* Skip plain bytes, but stop where the sentence gets too long. */
        size_t limit = start + RN_SENTENCE_MAX_BYTES < n ? start + RN_SENTENCE_MAX_BYTES : n;
        i = next_interesting(s, i, limit);
        if (i >= n)
            break;
        if (i - start >= RN_SENTENCE_MAX_BYTES) {
            size_t cut = forced_cut(s, start, i);
            if (push_span(out, s, start, cut) != RN_OK)
                return RN_ENOMEM;
            start = cut;
            if (cut > line_start)
                line_start = cut;
            continue; /* s[i] is looked at again, now inside the new sentence */
        }
        unsigned char c = s[i];
        if (c == '\n') {
            if (push_span(out, s, start, i) != RN_OK)
                return RN_ENOMEM;
            start = line_start = i + 1;
            i++;
            continue;
        }
        size_t sl = stop_at(s, i, n);
        if (!sl) {
            i++;
            continue;
        }
        /* The stop takes further stops and closing quotes with it. */
        size_t j = i + sl, more;
        for (;;) {
            if (j < n && (more = stop_at(s, j, n)) != 0)
                j += more;
            else if (j < n && (more = closer_at(s, j, n)) != 0)
                j += more;
            else
                break;
        }
        size_t k = j;
        while (k < n && (is_space(s[k]) || nbsp_at(s, k, n)))
            k += nbsp_at(s, k, n) ? 2 : 1;
        if (k == j && k < n && s[k] != '\n') {
            i = j; /* "3.5", "U.S.-China", "example.com" */
            continue;
        }
        size_t stop_len = j - i;
        /* A lone '.' directly followed by closers counts as a single '.'. */
        if (s[i] == '.' && (j == i + 1 || !stop_at(s, i + 1, n)))
            stop_len = 1;
        if (k >= n || s[k] == '\n' ||
            is_boundary(r, s, n, line_start, i, stop_len, k)) {
            if (push_span(out, s, start, j) != RN_OK)
                return RN_ENOMEM;
            start = j;
        }
        i = j;
    }
    if (push_span(out, s, start, n) != RN_OK)
        return RN_ENOMEM;
    return RN_OK;
}

int rn_sentence_split(const char *text, size_t len, struct rn_sentences *out)
{
    return rn_sentence_split_with(NULL, text, len, out);
}
