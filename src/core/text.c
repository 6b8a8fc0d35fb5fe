/* text.c - UTF-8 checks and name folding with utf8proc (see relnet/text.h). */
#include "relnet/text.h"

#include "relnet/error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

int rn_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t len =
        utf8proc_iterate((const utf8proc_uint8_t *)s, n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
    if (len <= 0) {
        *cp = 0xFFFD;
        return -1;
    }
    *cp = c;
    return (int)len;
}

int rn_utf8_check(const char *s, size_t n, size_t *bad_offset)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII runs are the common case: skip them eight bytes at a time
           without decoding. */
        if (i + 8 <= n) {
            uint64_t word;
            memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080u) == 0) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int len = rn_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            if (bad_offset)
                *bad_offset = i;
            return RN_EINPUT;
        }
        i += (size_t)len;
    }
    return RN_OK;
}

int rn_utf8_repair(const char *s, size_t n, unsigned flags, struct rn_buf *out)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int len = rn_utf8_decode(s + i, n - i, &cp);
        int control = (flags & RN_REPAIR_CONTROLS) && len == 1 && cp < 0x20 && cp != '\t' &&
                      cp != '\n' && cp != '\r';
        if (len < 0 || control) {
            if (!(flags & RN_REPAIR_DROP) && rn_utf8_encode(out, 0xFFFD) != RN_OK)
                return RN_ENOMEM;
            i += len < 0 ? 1 : (size_t)len;
            continue;
        }
        if (rn_buf_add(out, s + i, (size_t)len) != RN_OK)
            return RN_ENOMEM;
        i += (size_t)len;
    }
    return RN_OK;
}

int rn_utf8_encode(struct rn_buf *out, int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t len = utf8proc_encode_char(cp, tmp);
    if (len <= 0)
        return RN_OK;
    return rn_buf_add(out, tmp, (size_t)len);
}

/* What a code point becomes inside a key. */
enum fold_class { FOLD_KEEP, FOLD_SPACE, FOLD_DROP };

/* Each ASCII byte inside a key: the byte it becomes (letters lower-cased),
   ' ' for a separator, 0 when it is dropped. '+' and '#' tell names apart
   ("Disney+" is not Disney, C++ is not C, libc++-dev is not libc-dev), so
   they stay; space, tab, line ends, - _ / , ; : brackets and | separate. */
static const char ascii_key[128] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    0, ' ', ' ', 0, 0, ' ', 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    ' ', 0, 0, '#', 0, 0, 0, 0,
    ' ', ' ', 0, '+', ' ', ' ', 0, ' ',
    '0', '1', '2', '3', '4', '5', '6', '7',
    '8', '9', ' ', ' ', 0, 0, 0, 0,
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g',
    'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
    'x', 'y', 'z', ' ', 0, ' ', 0, ' ',
    0, 'a', 'b', 'c', 'd', 'e', 'f', 'g',
    'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w',
    'x', 'y', 'z', ' ', ' ', ' ', 0, 0,
};

/* The class of an ASCII code point, lowercase letters only. */
static enum fold_class classify_ascii(int32_t cp)
{
    char k = ascii_key[cp];
    if (k == ' ')
        return FOLD_SPACE;
    return k != 0 && k == cp ? FOLD_KEEP : FOLD_DROP;
}

static enum fold_class classify(int32_t cp)
{
    if (cp < 0x80)
        return classify_ascii(cp);
    if (rn_unicode_is_alnum(cp))
        return FOLD_KEEP;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
        return FOLD_SPACE;
    default:
        return FOLD_DROP; /* other punctuation, symbols, marks, controls */
    }
}

/* Append the folded form of one code point; space is emitted lazily so
   runs collapse and nothing trails. */
static int fold_cp(struct rn_buf *out, int32_t cp, int *pending_space)
{
    enum fold_class cls = classify(cp);
    if (cls == FOLD_DROP)
        return RN_OK;
    if (cls == FOLD_SPACE) {
        if (out->len > 0)
            *pending_space = 1;
        return RN_OK;
    }
    if (*pending_space) {
        if (rn_buf_addc(out, ' ') != RN_OK)
            return RN_ENOMEM;
        *pending_space = 0;
    }
    if (cp < 0x80)
        return rn_buf_addc(out, (char)cp);
    return rn_utf8_encode(out, cp);
}

int rn_text_key(const char *s, size_t n, struct rn_buf *out)
{
    rn_buf_reset(out);
    if (rn_buf_grow(out, n) != RN_OK)
        return RN_ENOMEM;
    int pending_space = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            /* fold_cp inlined for ASCII, most of every name: a call and a
               capacity check per byte were most of the cost of a key. */
            char folded = ascii_key[c];
            i++;
            if (folded == ' ' && out->len > 0)
                pending_space = 1;
            if (folded == ' ' || folded == 0)
                continue;
            if (out->len + 2 >= out->cap && rn_buf_grow(out, 2) != RN_OK)
                return RN_ENOMEM;
            if (pending_space)
                out->data[out->len++] = ' ';
            pending_space = 0;
            out->data[out->len++] = folded;
            out->data[out->len] = '\0';
            continue;
        }
        int32_t cp;
        int len = rn_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            i++;
            continue;
        }
        i += (size_t)len;
        /* Compatibility decomposition, case fold and mark stripping turn
           "É" into "e" and "ﬁ" into "fi"; the result may be several code
           points. */
        utf8proc_int32_t mapped[16];
        int last_boundclass = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, mapped, 16,
            UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE,
            &last_boundclass);
        if (m < 0 || m > 16) {
            mapped[0] = cp;
            m = 1;
        }
        for (utf8proc_ssize_t k = 0; k < m; k++)
            if (fold_cp(out, mapped[k], &pending_space) != RN_OK)
                return RN_ENOMEM;
    }
    /* "the five eyes" and "five eyes" name the same thing. */
    if (out->len > 4 && memcmp(out->data, "the ", 4) == 0) {
        memmove(out->data, out->data + 4, out->len - 4 + 1);
        out->len -= 4;
    }
    return RN_OK;
}

size_t rn_text_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    size_t *row = malloc((lb + 1) * sizeof *row);
    if (!row)
        return limit + 1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = i;
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = diag + cost;
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > limit) {
            free(row);
            return limit + 1;
        }
    }
    size_t d = row[lb];
    free(row);
    return d > limit ? limit + 1 : d;
}

int rn_unicode_is_alnum(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

int rn_unicode_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int rn_unicode_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    if (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
        return 1;
    return 0;
}

int rn_text_casefold(const char *s, size_t n, struct rn_buf *out)
{
    rn_buf_reset(out);
    if (rn_buf_grow(out, n) != RN_OK)
        return RN_ENOMEM;
    /* Drop invalid bytes first: utf8proc_map rejects the whole string. */
    struct rn_buf clean = RN_BUF_INIT;
    if (rn_utf8_repair(s, n, RN_REPAIR_DROP, &clean) != RN_OK) {
        rn_buf_release(&clean);
        return RN_ENOMEM;
    }
    if (clean.len == 0) {
        rn_buf_release(&clean);
        return rn_buf_add(out, "", 0);
    }
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t m =
        utf8proc_map((const utf8proc_uint8_t *)clean.data, (utf8proc_ssize_t)clean.len, &mapped,
                     UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    rn_buf_release(&clean);
    if (m < 0)
        return RN_ENOMEM;
    int rc = rn_buf_add(out, mapped, (size_t)m);
    free(mapped);
    return rc;
}

int rn_text_xml_escape(struct rn_buf *out, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        const char *entity = NULL;
        switch (c) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&apos;";
            break;
        /* As character references, so readers neither normalise them to
           spaces (attribute values) nor CR to LF (XML line ends). */
        case '\t':
            entity = "&#9;";
            break;
        case '\n':
            entity = "&#10;";
            break;
        case '\r':
            entity = "&#13;";
            break;
        default:
            break;
        }
        if (entity) {
            if (rn_buf_adds(out, entity) != RN_OK)
                return RN_ENOMEM;
            i++;
            continue;
        }
        if (c < 0x80) {
            if (c >= 0x20 && c != 0x7f)
                if (rn_buf_addc(out, (char)c) != RN_OK)
                    return RN_ENOMEM;
            i++;
            continue;
        }
        int32_t cp;
        int len = rn_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            if (rn_utf8_encode(out, 0xFFFD) != RN_OK)
                return RN_ENOMEM;
            i++;
            continue;
        }
        /* U+FFFE and U+FFFF are not XML characters either. */
        if (cp != 0xFFFE && cp != 0xFFFF && !(cp >= 0x80 && cp <= 0x9F))
            if (rn_buf_add(out, s + i, (size_t)len) != RN_OK)
                return RN_ENOMEM;
        i += (size_t)len;
    }
    return RN_OK;
}

size_t rn_utf8_width(const char *s, size_t n)
{
    size_t width = 0, i = 0;
    while (i < n) {
        int32_t cp;
        int len = rn_utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            width++;
            i++;
            continue;
        }
        int w = utf8proc_charwidth(cp);
        width += w > 0 ? (size_t)w : 0;
        i += (size_t)len;
    }
    return width;
}

void rn_suggest_init(struct rn_suggest *s, const char *typed, size_t max)
{
    memset(s, 0, sizeof *s);
    s->max = max > RN_SUGGEST_MAX ? RN_SUGGEST_MAX : max;
    if (rn_text_key(typed, strlen(typed), &s->want) != RN_OK || s->want.len == 0)
        s->max = 0; /* nothing to compare with */
    s->limit = s->want.len / 3 + 1;
}

void rn_suggest_offer(struct rn_suggest *s, const char *key, const char *name)
{
    if (s->max == 0 || !key[0])
        return;
    const char *want = rn_buf_str(&s->want);
    size_t d = strstr(key, want) || strstr(want, key) ? 1 : rn_text_distance(want, key, s->limit);
    if (d > s->limit)
        return;
    /* One entry per name: several keys (aliases) may lead to it. */
    for (size_t i = 0; i < s->n; i++) {
        if (strcmp(s->name[i], name) != 0)
            continue;
        if (d >= s->dist[i])
            return;
        free(s->name[i]);
        memmove(s->name + i, s->name + i + 1, (s->n - i - 1) * sizeof *s->name);
        memmove(s->dist + i, s->dist + i + 1, (s->n - i - 1) * sizeof *s->dist);
        s->n--;
        break;
    }
    size_t pos = s->n;
    while (pos > 0 && (s->dist[pos - 1] > d || (s->dist[pos - 1] == d && strcmp(s->name[pos - 1], name) > 0)))
        pos--;
    if (pos >= s->max)
        return;
    char *copy = strdup(name);
    if (!copy)
        return;
    if (s->n == s->max)
        free(s->name[--s->n]);
    memmove(s->name + pos + 1, s->name + pos, (s->n - pos) * sizeof *s->name);
    memmove(s->dist + pos + 1, s->dist + pos, (s->n - pos) * sizeof *s->dist);
    s->name[pos] = copy;
    s->dist[pos] = d;
    s->n++;
}

size_t rn_suggest_take(struct rn_suggest *s, char **out)
{
    size_t n = s->n;
    for (size_t i = 0; i < n; i++)
        out[i] = s->name[i];
    s->n = 0;
    return n;
}

void rn_suggest_release(struct rn_suggest *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->name[i]);
    s->n = 0;
    rn_buf_release(&s->want);
}

/* Does s start with a URL scheme other than http(s) ("javascript:",
   "data:", "file:")? Such article names are not shown anywhere: a viewer
   could turn them into links. One-letter schemes are Windows drives. */
int rn_text_foreign_scheme(const char *s)
{
    size_t i = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
           (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.')))
        i++;
    if (i < 2 || s[i] != ':')
        return 0;
    return !(i == 4 && strncasecmp(s, "http", 4) == 0) && !(i == 5 && strncasecmp(s, "https", 5) == 0);
}
