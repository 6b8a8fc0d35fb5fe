/* ingest.c - article files to clean text (see relnet/ingest.h).
 *
 * The raw bytes are checked and normalised in one pass (binary sniffing,
 * BOM, line ends, invalid UTF-8), HTML goes through html.c, and the
 * resulting lines are classified one by one with features that need no
 * per-site rule: the boilerplate phrase list, word counts, stop words,
 * sentence punctuation, e-mail addresses, script mismatch, repetition.
 * Every step is linear in the input. The phrase rules themselves live in
 * boilerplate.c.
 */
#define _DEFAULT_SOURCE /* struct dirent's d_type: listing a directory needs no stat per file */
#include "relnet/ingest.h"

#include "ascii.h"
#include "datewords.h"
#include "relnet/boilerplate.h"
#include "relnet/buf.h"
#include "relnet/hash.h"
#include "relnet/record.h"
#include "relnet/html.h"
#include "relnet/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ===== dates ==================================================================== */

/* Copy s[0..n) lower-cased into w[cap]; 0 when it does not fit or is
 * shorter than 3 letters (no month or weekday name is). */
static int lower_word(const char *s, size_t n, char *w, size_t cap)
{
    if (n < 3 || n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)rn_ascii_lower((unsigned char)s[i]);
    w[n] = '\0';
    return 1;
}

int rn_ingest_month_number(const char *s, size_t n)
{
    static const char *const names[] = { "january", "february", "march", "april",
                                         "may", "june", "july", "august", "september",
                                         "october", "november", "december" };
    char w[12];
    if (!lower_word(s, n, w, sizeof w))
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        if (n == full && memcmp(w, names[m], n) == 0)
            return m + 1;
        if (n == 3 && memcmp(w, names[m], 3) == 0)
            return m + 1;
    }
    if (n == 4 && memcmp(w, "sept", 4) == 0)
        return 9;
    return 0;
}

int rn_ingest_weekday_number(const char *s, size_t n)
{
    static const char *const names[] = { "monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday" };
    char w[10];
    if (!lower_word(s, n, w, sizeof w))
        return 0;
    for (int d = 0; d < 7; d++)
        if (n <= strlen(names[d]) && memcmp(w, names[d], n) == 0)
            return d + 1;
    return 0;
}

/* Read 1..max digits at s[*i]; -1 when there are none. */
static long digits(const char *s, size_t n, size_t *i, size_t max)
{
    size_t start = *i;
    long v = 0;
    while (*i < n && *i - start < max && rn_ascii_is_digit((unsigned char)s[*i]))
        v = v * 10 + (s[(*i)++] - '0');
    if (*i == start || (*i < n && rn_ascii_is_digit((unsigned char)s[*i])))
        return -1; /* none, or more than max */
    return v;
}

static size_t skip_word_letters(const char *s, size_t n, size_t i)
{
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    return i;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* "st", "nd", "rd", "th" after a day number. */
static size_t skip_ordinal(const char *s, size_t n, size_t i)
{
    if (i + 1 < n && strchr("snrt", rn_ascii_lower((unsigned char)s[i])) &&
        strchr("tdh", rn_ascii_lower((unsigned char)s[i + 1])) &&
        (i + 2 >= n || !rn_ascii_is_alnum((unsigned char)s[i + 2])))
        return i + 2;
    return i;
}

static int valid_date(long y, long m, long d)
{
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* After a name ("Thu", "Sept", "June"): an optional '.', an optional ','
 * and spaces. */
static size_t skip_name_end(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '.')
        i++;
    if (i < n && s[i] == ',')
        i++;
    return skip_spaces(s, n, i);
}

/* A month name at s[*i] (moving *i past it and its '.', ',' and spaces), or 0. */
static int read_month(const char *s, size_t n, size_t *i)
{
    size_t e = skip_word_letters(s, n, *i);
    int m = rn_ingest_month_number(s + *i, e - *i);
    if (m)
        *i = skip_name_end(s, n, e);
    return m;
}

/* Exactly four digits at s[*i], or -1. */
static long read_year(const char *s, size_t n, size_t *i)
{
    size_t start = *i;
    long y = digits(s, n, i, 4);
    return *i - start == 4 ? y : -1;
}

int rn_ingest_parse_date(const char *s, size_t n, char out[11], size_t *used)
{
    size_t i = skip_spaces(s, n, 0);
    long y = -1, m = -1, d = -1;
    /* optional weekday: "Mon, ", "Thursday " */
    size_t w = skip_word_letters(s, n, i);
    if (w > i && rn_ingest_weekday_number(s + i, w - i))
        i = skip_name_end(s, n, w);
    size_t p = i;
    long first = digits(s, n, &p, 4);
    if (first >= 0 && p - i == 4 && p < n && (s[p] == '-' || s[p] == '/')) {
        /* 2020-06-29, 2020/6/29 */
        char sep = s[p++];
        y = first;
        m = digits(s, n, &p, 2);
        if (m < 0 || p >= n || s[p] != sep)
            return 0;
        p++;
        d = digits(s, n, &p, 2);
    } else if (first >= 0 && p - i <= 2) {
        /* 29 June 2020, 29th June, 2020 */
        d = first;
        p = skip_spaces(s, n, skip_ordinal(s, n, p));
        if (!(m = read_month(s, n, &p)))
            return 0;
        y = read_year(s, n, &p);
    } else {
        /* June 29, 2020; Sept. 12 2020 */
        p = i;
        if (!(m = read_month(s, n, &p)))
            return 0;
        d = digits(s, n, &p, 2);
        if (d < 0)
            return 0;
        p = skip_name_end(s, n, skip_ordinal(s, n, p));
        y = read_year(s, n, &p);
    }
    if (!valid_date(y, m, d))
        return 0;
    char tmp[11]; /* (valid_date bounds the fields) */
    rn_date_iso((int)y, (int)m, (int)d, tmp);
    /* the calendar (no 30 February) is record.c's, one rule for every date */
    if (rn_date_normalize(tmp, out) != RN_OK)
        return 0;
    if (used)
        *used = p;
    return 1;
}

/* ===== reading and normalising ================================================= */

static int read_stream(FILE *f, struct rn_buf *raw)
{
    for (;;) {
        if (rn_buf_grow(raw, 1 << 16) != RN_OK)
            return RN_ENOMEM;
        size_t got = fread(raw->data + raw->len, 1, raw->cap - raw->len - 1, f);
        raw->len += got;
        raw->data[raw->len] = '\0';
        if (got == 0)
            return ferror(f) ? RN_EIO : RN_OK;
    }
}

/* Read fd to its end into raw. size is what fstat said a regular file
 * holds (0: unknown): the buffer gets room for one byte more, so one read()
 * brings the whole file and its shortness shows the end (a regular file
 * reads short only there); a file that grew meanwhile is read on. */
static int read_fd(int fd, size_t size, struct rn_buf *raw)
{
    for (;;) {
        if (rn_buf_grow(raw, size ? size + 1 : 1 << 16) != RN_OK)
            return RN_ENOMEM;
        size_t room = raw->cap - raw->len - 1;
        ssize_t got = read(fd, raw->data + raw->len, room);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return RN_EIO;
        raw->len += (size_t)got;
        raw->data[raw->len] = '\0';
        if (got == 0 || (size && (size_t)got < room))
            return RN_OK;
        size = 0;
    }
}

static int read_all(const char *path, struct rn_buf *raw, struct rn_err *err)
{
    if (strcmp(path, "-") == 0) {
        int rc = read_stream(stdin, raw);
        if (rc == RN_EIO)
            return rn_fail(err, RN_EIO, "cannot read standard input: %s", strerror(errno));
        return rc == RN_OK ? RN_OK : rn_fail(err, rc, "out of memory reading standard input");
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return rn_fail_open(err, errno, path);
    struct stat st;
    size_t size = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size
                                                                                : 0;
    int rc = read_fd(fd, size, raw);
    int saved = errno;
    close(fd);
    if (rc == RN_EIO)
        return rn_fail(err, RN_EIO, "cannot read %s: %s", path, strerror(saved));
    return rc == RN_OK ? RN_OK : rn_fail(err, rc, "out of memory reading %s", path);
}

/* Bytes that need a closer look in the normalising pass: controls (except
 * tab and newline), DEL and everything non-ASCII. */
static const unsigned char plain_byte[256] = {
    ['\t'] = 1, ['\n'] = 1,
    [' '] = 1, ['!'] = 1, ['"'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1,
    ['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1, ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1,
    ['@'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
    ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
    ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1,
    ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1,
    ['`'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1,
    ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1,
    ['x'] = 1, ['y'] = 1, ['z'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
};

struct norm_stats {
    size_t invalid;       /* invalid UTF-8 bytes replaced */
    size_t first_invalid; /* raw offset of the first */
    size_t controls;      /* control bytes seen (binary sniffing) */
};

/* Copy raw[from..n) to out as valid UTF-8 with '\n' line ends: CRLF and CR
 * become '\n', control bytes a space, invalid bytes U+FFFD. */
/* Do the 8 bytes at s hold only printable ASCII (no control, DEL or
 * non-ASCII byte)? Tab and newline, though plain, say no: the bytes are
 * then looked at one by one. */
static int block_printable(const unsigned char *s)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones * 0x80;
    uint64_t v;
    memcpy(&v, s, sizeof v);
    uint64_t below_space = (v - ones * 0x20) & ~v & highs; /* a byte < 0x20 */
    uint64_t del = v ^ (ones * 0x7F);
    del = (del - ones) & ~del & highs;                       /* a byte == 0x7F */
    return ((v & highs) | below_space | del) == 0;
}

/* The end of the run of plain bytes (plain_byte) from s[i]: most of an
 * article, read eight bytes at a time. */
static size_t plain_run(const unsigned char *s, size_t i, size_t n)
{
    for (;;) {
        while (i + 8 <= n && block_printable(s + i))
            i += 8;
        size_t stop = i + 8 < n ? i + 8 : n;
        while (i < stop && plain_byte[s[i]])
            i++;
        if (i < stop || i >= n)
            return i;
    }
}

static int normalise(const char *raw, size_t n, size_t from, struct rn_buf *out,
                     struct norm_stats *st)
{
    const unsigned char *s = (const unsigned char *)raw;
    if (rn_buf_grow(out, n - from + 16) != RN_OK)
        return RN_ENOMEM;
    size_t i = from;
    while (i < n) {
        size_t j = plain_run(s, i, n);
        if (j > i && rn_buf_add(out, s + i, j - i) != RN_OK)
            return RN_ENOMEM;
        i = j;
        if (i >= n)
            break;
        unsigned char c = s[i];
        int rc;
        if (c == '\r') {
            rc = rn_buf_addc(out, '\n');
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        } else if (c < 0x80) {
            st->controls++;
            rc = rn_buf_addc(out, ' ');
            i++;
        } else {
            int32_t cp;
            int len = rn_utf8_decode(raw + i, n - i, &cp);
            if (len > 0) {
                rc = rn_buf_add(out, s + i, (size_t)len);
                i += (size_t)len;
            } else {
                if (st->invalid++ == 0)
                    st->first_invalid = i;
                rc = rn_buf_add(out, "\xEF\xBF\xBD", 3);
                i++;
            }
        }
        if (rc != RN_OK)
            return RN_ENOMEM;
    }
    return RN_OK;
}

static int starts_nocase(const char *s, size_t n, const char *prefix)
{
    size_t pn = strlen(prefix);
    if (n < pn)
        return 0;
    for (size_t i = 0; i < pn; i++)
        if (rn_ascii_lower((unsigned char)s[i]) != (unsigned char)prefix[i])
            return 0;
    return 1;
}

/* Find needle (lower case) in s[0..n), ASCII case ignored. */
static const char *find_nocase(const char *s, size_t n, const char *needle)
{
    size_t nn = strlen(needle);
    for (size_t i = 0; i + nn <= n; i++)
        if (rn_ascii_lower((unsigned char)s[i]) == (unsigned char)needle[0] &&
            starts_nocase(s + i, n - i, needle))
            return s + i;
    return NULL;
}

/* Content sniffing for stdin and unknown extensions: markup near the top. */
static int looks_like_html(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i >= n || s[i] != '<')
        return 0;
    static const char *const marks[] = { "<!doctype html", "<html", "<head", "<body",
                                         "<meta", "<title", "<p>", "<p ", "<div",
                                         "<article", "<!--" };
    size_t window = n - i < 1024 ? n - i : 1024;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (find_nocase(s + i, window, marks[k]))
            return 1;
    return 0;
}

/* Does the page declare a charset other than UTF-8 near its top? Then
 * libxml2 must convert it, and the bytes are not ours to "repair". */
static int declares_legacy_charset(const char *s, size_t n)
{
    size_t window = n < 1024 ? n : 1024; /* where HTML5 wants the declaration */
    const char *p = s;
    size_t left = window;
    const char *hit;
    while ((hit = find_nocase(p, left, "charset")) || (hit = find_nocase(p, left, "encoding="))) {
        const char *v = hit + (rn_ascii_lower((unsigned char)hit[0]) == 'c' ? 7 : 9);
        const char *end = s + window;
        while (v < end && (*v == ' ' || *v == '=' || *v == '"' || *v == '\''))
            v++;
        if (v < end && !starts_nocase(v, (size_t)(end - v), "utf-8") &&
            !starts_nocase(v, (size_t)(end - v), "utf8") && rn_ascii_is_alnum((unsigned char)*v))
            return 1;
        left -= (size_t)(v - p);
        p = v;
        if (left == 0)
            break;
    }
    return 0;
}

/* ===== line classification ===================================================== */

enum drop {
    KEEP = 0,
    DROP_META,     /* the "URL:" line: metadata, not counted as boilerplate */
    DROP_PHRASE,   /* boilerplate phrase list */
    DROP_MENU,     /* run of short menu-like lines */
    DROP_BYLINE,   /* "By Ana Example" */
    DROP_CONTACT,  /* e-mail address in a short line */
    DROP_URL,      /* a bare link */
    DROP_SYMBOLS,  /* no letters or digits at all */
    DROP_TEASER,   /* cut off with "..." */
    DROP_SPAM,     /* short line in another script */
    DROP_DATE,     /* date-only line */
    DROP_REPEAT,   /* repeats an earlier line of the article */
    DROP_CORPUS,   /* repeated across files (rn_boiler_stats_apply) */
};

struct line {
    size_t start, len;  /* trimmed line in the text */
    size_t words;
    unsigned char drop; /* enum drop */
    unsigned char blank_before;
    unsigned char menuish;
    unsigned char prose;
    unsigned char colon; /* ends with ':' (introduces a list) */
};

struct lines {
    struct line *items;
    size_t len, cap;
};

/* Stop words: function words that real sentences and headlines have and
 * menus lack. */
static int is_stop_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "by", "at",
        "from", "is", "are", "was", "were", "be", "been", "has", "have", "had", "as", "that",
        "this", "it", "its", "his", "her", "their", "will", "would", "said", "says", "not",
        "no", "but", "after", "over", "into", "against", "about", "than", "who", "which",
    };
    if (n > 7)
        return 0;
    char low[8];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)rn_ascii_lower((unsigned char)w[i]);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], low, n) == 0)
            return 1;
    return 0;
}

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* Words (runs of non-space) in s[0..n): the bytes that start one, counted
 * without a branch per byte, 16 bytes at a step where SSE2 is, since every
 * line of every article is counted. */
static size_t count_word_starts(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t words = 0, i = 0;
#if defined(__SSE2__)
    /* per byte 0xFF where a word starts (no space there, a space or the
       line's start before it), summed by _mm_sad_epu8 (no popcount call) */
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), one = _mm_set1_epi8(1);
    __m128i before = _mm_set1_epi8((char)0xFF), sums = _mm_setzero_si128();
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i ws = _mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab));
        __m128i prev = _mm_or_si128(_mm_slli_si128(ws, 1), _mm_srli_si128(before, 15));
        __m128i starts = _mm_and_si128(_mm_andnot_si128(ws, prev), one);
        sums = _mm_add_epi64(sums, _mm_sad_epu8(starts, _mm_setzero_si128()));
        before = ws;
    }
    words = (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
#endif
    if (i == 0 && n > 0)
        words += !is_space_byte(u[i++]);
    for (; i < n; i++)
        words += (size_t)((!is_space_byte(u[i])) & is_space_byte(u[i - 1]));
    return words;
}

/* Words (runs of non-space) in s[0..n); with stops, also how many of them
 * are stop words (only asked for short lines: menus are short). */
static size_t count_words(const char *s, size_t n, size_t *stops)
{
    if (!stops)
        return count_word_starts(s, n);
    size_t words = 0, i = 0;
    while (i < n) {
        while (i < n && is_space_byte((unsigned char)s[i]))
            i++;
        if (i >= n)
            break;
        size_t b = i;
        while (i < n && !is_space_byte((unsigned char)s[i]))
            i++;
        words++;
        if (!stops)
            continue;
        size_t wb = b, we = i;
        while (wb < we && !rn_ascii_is_alnum((unsigned char)s[wb]))
            wb++;
        while (we > wb && !rn_ascii_is_alnum((unsigned char)s[we - 1]))
            we--;
        if (we > wb && is_stop_word(s + wb, we - wb))
            (*stops)++;
    }
    return words;
}

/* Does the line end like a sentence: . ! ? or "…", maybe inside closing
 * quotes or brackets? */
static int ends_sentence(const unsigned char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            n--;
        } else if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 &&
                   (c == 0x9D || c == 0x99)) {
            n -= 3;
        } else {
            break;
        }
    }
    if (n == 0)
        return 0;
    unsigned char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' ||
           (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && c == 0xA6);
}

static int has_letter_or_digit(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (rn_ascii_is_alnum(c))
            return 1;
        /* Lead bytes of letter-bearing scripts: Latin-1 letters on (C3 ..
           DF), CJK and others (E0 .. EF except E2, general punctuation and
           symbols), and 4-byte sequences other than emoji (F0 9F). */
        if ((c >= 0xC3 && c <= 0xDF) || (c >= 0xE0 && c <= 0xEF && c != 0xE2) ||
            (c == 0xF0 && i + 1 < n && s[i + 1] != 0x9F) || (c >= 0xF1 && c <= 0xF4))
            return 1;
    }
    return 0;
}

/* An e-mail address (x@y.z) somewhere in the line. */
static int has_email(const char *s, size_t n)
{
    const char *at = s;
    while ((at = memchr(at, '@', n - (size_t)(at - s))) != NULL) {
        if (at > s && rn_ascii_is_alnum((unsigned char)at[-1])) {
            const char *p = at + 1;
            int dot = 0;
            while (p < s + n && (rn_ascii_is_alnum((unsigned char)*p) || *p == '.' || *p == '-')) {
                if (*p == '.' && p + 1 < s + n && rn_ascii_is_alnum((unsigned char)p[1]))
                    dot = 1;
                p++;
            }
            if (dot)
                return 1;
        }
        at++;
        if (at >= s + n)
            break;
    }
    return 0;
}

static int is_bare_url(const char *s, size_t n, size_t words)
{
    return words == 1 && (starts_nocase(s, n, "http://") || starts_nocase(s, n, "https://") ||
                          starts_nocase(s, n, "www."));
}

/* Sentence ends inside s[0..n): ". ", "! ", "? " followed by a capital
 * or a digit. A teaser is a headline and at most one sentence; a longer run
 * of sentences is an article (or an excerpt of one) that a feed cut short. */
static size_t inner_sentence_ends(const unsigned char *s, size_t n)
{
    size_t ends = 0;
    for (size_t i = 1; i + 2 < n; i++)
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
            rn_ascii_is_alnum(s[i - 1]) && ((s[i + 2] >= 'A' && s[i + 2] <= 'Z') || rn_ascii_is_digit(s[i + 2])))
            ends++;
    return ends;
}

/* Longest line, in words, that can still be a teaser of another article. */
enum { TEASER_MAX_WORDS = 50 };

/* A teaser of another article: a short piece of prose cut off with "..."
 * or "…". Never a long paragraph: prose cut short at the end of a page is
 * the article itself. */
static int is_teaser(const unsigned char *s, size_t n, size_t words)
{
    if (words < 6 || words > TEASER_MAX_WORDS)
        return 0;
    size_t e;
    if (n >= 3 && memcmp(s + n - 3, "...", 3) == 0)
        e = n - 3;
    else if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0xA6)
        e = n - 3;
    else
        return 0;
    return e > 0 && (rn_ascii_is_alnum(s[e - 1]) || s[e - 1] == ',') && inner_sentence_ends(s, e) <= 1;
}

/* A clock time ("9:58 am", "10:00") at s[i]: the offset after it and its
 * spaces, or i. */
static size_t skip_clock(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && k - i < 2 && rn_ascii_is_digit((unsigned char)s[k]))
        k++;
    if (k == i || k + 2 >= n || s[k] != ':' || !rn_ascii_is_digit((unsigned char)s[k + 1]) ||
        !rn_ascii_is_digit((unsigned char)s[k + 2]))
        return i;
    k = skip_spaces(s, n, k + 3);
    if (k + 1 < n && strchr("aApP", s[k]) && strchr("mM", s[k + 1]) &&
        (k + 2 == n || !rn_ascii_is_alnum((unsigned char)s[k + 2])))
        k += 2;
    return skip_spaces(s, n, k);
}

/* One segment of a date line: a date, maybe after a label such as
 * "Published:" and a clock time, and nothing but a time after it. */
static int date_segment(const char *s, size_t n, char out[11])
{
    static const char *const labels[] = { "published on", "published", "updated on",
                                          "last updated", "updated", "posted on", "posted",
                                          "first published", "date", "dated" };
    size_t i = skip_spaces(s, n, 0);
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        size_t ln = strlen(labels[k]);
        if (starts_nocase(s + i, n - i, labels[k]) &&
            (n - i == ln || !rn_ascii_is_alnum((unsigned char)s[i + ln]))) {
            i += ln;
            while (i < n && (s[i] == ':' || s[i] == ' ' || s[i] == '-'))
                i++;
            break;
        }
    }
    i = skip_clock(s, n, i);
    size_t used;
    if (!rn_ingest_parse_date(s + i, n - i, out, &used))
        return 0;
    /* the rest may be a time: digits, ":", ",", short words (IST, pm) */
    size_t run = 0;
    for (size_t k = i + used; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (++run > 4)
                return 0;
        } else if (rn_ascii_is_digit(c) || strchr(" :,.-+()/", c)) {
            run = 0;
        } else {
            return 0;
        }
    }
    return 1;
}

/* A short line that only dates the page: its segments between '|' are a
 * date (see date_segment) and at most three words each otherwise:
 * "Published 9:58 am Thursday, August 7, 2014", "Policy and legislation |
 * 21 April 2021", "Nov 3, 2021 | CYBERSCOOP". */
static int date_only_line(const char *s, size_t n, size_t words, char out[11])
{
    if (words > 10 || n > 80)
        return 0;
    int dated = 0;
    for (size_t i = 0; i <= n;) {
        const char *bar = memchr(s + i, '|', n - i);
        size_t e = bar ? (size_t)(bar - s) : n;
        if (!dated && date_segment(s + i, e - i, out)) {
            dated = 1;
        } else {
            size_t w = 0;
            for (size_t k = i; k < e; k++)
                w += s[k] != ' ' && (k == i || s[k - 1] == ' ');
            if (w > 3)
                return 0;
        }
        i = e + 1;
    }
    return dated;
}

/* Length of a segment separator at s[i] ("|", "/", ">", "›", "»", "·", "•")
 * standing alone between spaces, else 0. */
static size_t separator_at(const unsigned char *s, size_t i, size_t n)
{
    size_t len = 0;
    if (s[i] == '|' || s[i] == '/' || s[i] == '>')
        len = 1;
    else if (i + 1 < n && s[i] == 0xC2 && (s[i + 1] == 0xBB || s[i + 1] == 0xB7))
        len = 2;
    else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 &&
             (s[i + 2] == 0xBA || s[i + 2] == 0xA2))
        len = 3;
    if (!len || (i > 0 && s[i - 1] != ' ') || (i + len < n && s[i + len] != ' '))
        return 0;
    return len;
}

/* Split a line into segments at separators, at runs of two or more spaces
 * and after a "Label:" word; count the segments and the words of the
 * longest one, and the words of the first one. */
struct segments {
    size_t count, max_words, first_words;
};

static void close_segment(struct segments *sg, size_t *words)
{
    if (*words == 0)
        return;
    if (sg->count == 0)
        sg->first_words = *words;
    if (*words > sg->max_words)
        sg->max_words = *words;
    sg->count++;
    *words = 0;
}

static void segment_line(const unsigned char *s, size_t n, struct segments *sg)
{
    size_t words = 0, i = 0;
    sg->count = 0;
    sg->max_words = 0;
    sg->first_words = 0;
    while (i <= n) {
        size_t sp = 0;
        while (i < n && s[i] == ' ')
            i++, sp++;
        size_t sep = i < n ? separator_at(s, i, n) : 0;
        int boundary = i >= n || sep || sp >= 2 || (i < n && s[i] == '\t');
        if (boundary)
            close_segment(sg, &words);
        if (i >= n)
            break;
        if (sep || s[i] == '\t') {
            i += sep ? sep : 1;
            continue;
        }
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        words++;
        if (s[i - 1] == ':' && i - b > 1) /* "Share:" "Sections:" end a segment */
            close_segment(sg, &words);
    }
}

/* "Home | World | Tech", "Home › India › Policy", "Menu  Home  Search",
 * "Share: Facebook | Twitter": three or more short segments. */
static int is_menu_line(const struct segments *sg, int sentence_end)
{
    return !sentence_end && sg->count >= 3 && sg->max_words <= 4;
}

/* "By Ana Example", "By a staff correspondent | 4 min read": a byline is
 * "By" and a capitalised name (or a/an/the/our) in a first segment of at
 * most 8 words, with no sentence punctuation. */
static int is_byline(const unsigned char *s, size_t n, const struct segments *sg,
                     int sentence_end)
{
    if (sentence_end || n < 4 || !(s[0] == 'B' && s[1] == 'y' && s[2] == ' '))
        return 0;
    if (sg->first_words > 8)
        return 0;
    const char *w = (const char *)s + 3;
    size_t left = n - 3;
    return (w[0] >= 'A' && w[0] <= 'Z') || starts_nocase(w, left, "a ") ||
           starts_nocase(w, left, "an ") || starts_nocase(w, left, "the ") ||
           starts_nocase(w, left, "our ");
}

/* The article's non-ASCII bytes, counted when a line first asks
 * (NOT_COUNTED until then): most articles have no line that asks. */
#define NOT_COUNTED SIZE_MAX
static size_t non_ascii_bytes(const char *text, size_t n, size_t *high)
{
    if (*high == NOT_COUNTED) {
        *high = 0;
        for (size_t i = 0; i < n; i++)
            *high += (unsigned char)text[i] >= 0x80;
    }
    return *high;
}

/* A short line mostly of non-ASCII bytes in an article whose other lines
 * are nearly all ASCII: spam in another script. high is the article's
 * count of non-ASCII bytes (non_ascii_bytes), n its length. */
static int is_foreign_spam(const unsigned char *s, size_t len, const char *text, size_t n,
                           size_t *high)
{
    if (len > 80)
        return 0;
    size_t mine = 0;
    for (size_t i = 0; i < len; i++)
        mine += s[i] >= 0x80;
    return mine * 2 > len && (non_ascii_bytes(text, n, high) - mine) * 20 < n - len;
}


/* The per-line classification that needs no neighbours. */
static enum drop classify(const struct rn_boiler_rules *r, const char *text, size_t text_len,
                          size_t *high, struct line *l)
{
    const char *s = text + l->start;
    const unsigned char *u = (const unsigned char *)s;
    size_t n = l->len, stops = 0;
    l->words = count_words(s, n, NULL);
    int sentence_end = ends_sentence(u, n);
    l->prose = l->words >= 8 && sentence_end;
    l->colon = s[n - 1] == ':';
    if (l->words <= 4 && n <= 40 && !sentence_end) {
        count_words(s, n, &stops);
        l->menuish = stops <= 1;
    }
    if (!has_letter_or_digit(u, n))
        return DROP_SYMBOLS;
    if (rn_boiler_rules_match_line(r, s, n, l->words))
        return DROP_PHRASE;
    /* a menu or a byline never ends like a sentence: prose skips the scan */
    if (l->words <= 60 && !sentence_end) {
        struct segments sg;
        segment_line(u, n, &sg);
        if (is_menu_line(&sg, sentence_end))
            return DROP_MENU;
        if (is_byline(u, n, &sg, sentence_end))
            return DROP_BYLINE;
    }
    if (l->words <= 20 && n <= 300 && has_email(s, n))
        return DROP_CONTACT;
    if (is_bare_url(s, n, l->words))
        return DROP_URL;
    if (is_teaser(u, n, l->words))
        return DROP_TEASER;
    if (is_foreign_spam(u, n, text, text_len, high))
        return DROP_SPAM;
    return KEEP;
}

static int lines_push(struct lines *ls, size_t start, size_t len, int blank_before)
{
    /* from 32: the array is zeroed as it grows, and news articles have
       a few dozen lines */
    struct line *items = rn_array_grow(ls->items, &ls->cap, ls->len, sizeof *items, 32);
    if (!items)
        return RN_ENOMEM;
    ls->items = items;
    ls->items[ls->len++] = (struct line){ start, len, 0, KEEP, (unsigned char)blank_before,
                                          0, 0, 0 };
    return RN_OK;
}

/* Split text into trimmed non-blank lines (space, tab and no-break space
 * trimmed), remembering which had blank lines before them. */
static int split_lines(const char *text, size_t n, struct lines *ls)
{
    size_t i = 0;
    int blank = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        size_t a = i, b = e;
        for (;;) {
            if (a < b && is_space_byte((unsigned char)text[a]))
                a++;
            else if (a + 1 < b && (unsigned char)text[a] == 0xC2 &&
                     (unsigned char)text[a + 1] == 0xA0)
                a += 2;
            else
                break;
        }
        for (;;) {
            if (b > a && is_space_byte((unsigned char)text[b - 1]))
                b--;
            else if (b >= a + 2 && (unsigned char)text[b - 2] == 0xC2 &&
                     (unsigned char)text[b - 1] == 0xA0)
                b -= 2;
            else
                break;
        }
        if (b > a) {
            if (lines_push(ls, a, b - a, blank) != RN_OK)
                return RN_ENOMEM;
            blank = 0;
        } else {
            blank = ls->len > 0;
        }
        i = e + 1;
    }
    return RN_OK;
}

/* Runs of three or more menu-like lines (blank lines and lines already
 * dropped as short boilerplate do not break a run) are navigation. The
 * last line of a run stays when real prose follows it: it may be the
 * headline. */
static void drop_menu_runs(struct lines *ls)
{
    size_t i = 0;
    while (i < ls->len) {
        struct line *l = &ls->items[i];
        int in_run = l->menuish && (l->drop == KEEP || l->drop == DROP_PHRASE);
        if (!in_run) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < ls->len && ls->items[j].menuish &&
               (ls->items[j].drop == KEEP || ls->items[j].drop == DROP_PHRASE))
            j++;
        /* "signed by the following:" then one name per line is a list */
        size_t p = i;
        while (p > 0 && ls->items[p - 1].drop != KEEP)
            p--;
        int listed = p > 0 && ls->items[p - 1].colon;
        if (j - i >= 3 && !listed) {
            size_t last = j - 1;
            int protect = j < ls->len && ls->items[j].prose && ls->items[last].words >= 2;
            for (size_t k = i; k < j; k++)
                if (ls->items[k].drop == KEEP && !(protect && k == last))
                    ls->items[k].drop = DROP_MENU;
        }
        i = j;
    }
}

/* A small open-addressing set of 64-bit hashes. */
struct hashset {
    uint64_t *slots; /* 0 = empty */
    size_t cap, len; /* cap a power of two */
    int lent;        /* slots are the caller's (not freed here), until they grow */
};

static int hashset_insert(struct hashset *h, uint64_t key, int *added)
{
    if (key == 0)
        key = 1;
    if ((h->len + 1) * 2 > h->cap) {
        size_t ncap = h->cap ? h->cap * 2 : 256;
        uint64_t *slots = calloc(ncap, sizeof *slots);
        if (!slots)
            return RN_ENOMEM;
        for (size_t i = 0; i < h->cap; i++) {
            if (!h->slots[i])
                continue;
            size_t j = (size_t)h->slots[i] & (ncap - 1);
            while (slots[j])
                j = (j + 1) & (ncap - 1);
            slots[j] = h->slots[i];
        }
        if (!h->lent)
            free(h->slots);
        h->slots = slots;
        h->cap = ncap;
        h->lent = 0;
    }
    size_t j = (size_t)key & (h->cap - 1);
    while (h->slots[j] && h->slots[j] != key)
        j = (j + 1) & (h->cap - 1);
    *added = !h->slots[j];
    if (*added) {
        h->slots[j] = key;
        h->len++;
    }
    return RN_OK;
}

/* The same line twice in one article is layout (a headline shown in three
 * places, a caption under a photo and in a gallery): keep the first. */
static int drop_repeats(const char *text, struct lines *ls)
{
    /* most articles have fewer than 64 lines: their set lives on the stack
       (an allocation per file, cleared, cost more than the lines' hashes) */
    uint64_t first[128] = { 0 };
    struct hashset seen = { first, 128, 0, 1 };
    int rc = RN_OK;
    for (size_t i = 0; i < ls->len && rc == RN_OK; i++) {
        struct line *l = &ls->items[i];
        if (l->drop != KEEP)
            continue;
        int added;
        rc = hashset_insert(&seen, rn_hash64(text + l->start, l->len), &added);
        if (rc == RN_OK && !added)
            l->drop = DROP_REPEAT;
    }
    if (!seen.lent)
        free(seen.slots);
    return rc;
}

/* ===== the article ============================================================= */

/* " date 2020-06-29 Text ..." or "Date: 2020-06-29 Text": a date prefix
 * that scrapers put in front of the first paragraph. Returns the bytes to
 * cut (0 when there is no prefix). */
static size_t date_prefix(const char *s, size_t n, char out[11])
{
    if (!starts_nocase(s, n, "date"))
        return 0;
    size_t i = 4;
    if (i < n && s[i] == ':')
        i++;
    if (i >= n || !is_space_byte((unsigned char)s[i]))
        return 0;
    i = skip_spaces(s, n, i);
    /* only the unambiguous ISO form: "date" alone starts many sentences */
    if (n - i < 10 || !rn_ascii_is_digit((unsigned char)s[i]) || s[i + 4] != '-' || s[i + 7] != '-')
        return 0;
    size_t used;
    if (!rn_ingest_parse_date(s + i, 10, out, &used) || used != 10)
        return 0;
    i += 10;
    if (i < n && !is_space_byte((unsigned char)s[i]))
        return 0;
    return skip_spaces(s, n, i);
}

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* "URL: ..." on the first line and a date prefix on one of the first
 * lines of a plain-text article. */
static int text_header(const char *text, struct lines *ls, struct rn_article *a)
{
    size_t first = 0;
    if (ls->len > 0 && starts_nocase(text + ls->items[0].start, ls->items[0].len, "url:")) {
        struct line *l = &ls->items[0];
        size_t i = skip_spaces(text + l->start, l->len, 4);
        if (i < l->len && !a->url && !(a->url = dup_range(text + l->start + i, l->len - i)))
            return RN_ENOMEM;
        l->drop = DROP_META;
        first = 1;
    }
    for (size_t k = first; k < ls->len && k < first + 10; k++) {
        struct line *l = &ls->items[k];
        char date[11];
        size_t cut = date_prefix(text + l->start, l->len, date);
        if (!cut)
            continue;
        if (!a->date && !(a->date = dup_range(date, 10)))
            return RN_ENOMEM;
        l->start += cut;
        l->len -= cut;
        if (l->len == 0)
            l->drop = DROP_META;
        break;
    }
    return RN_OK;
}

/* The year for line l when it is a dateline without one: the year every
 * full date written in the article's kept lines agrees on
 * (rn_ingest_year_vote), else 0. Never the clock's: an article with no
 * year anywhere stays undated. */
static int dateline_year_from_text(const char *text, const struct lines *ls, const struct line *l)
{
    char probe[11];
    /* 2000 is a leap year, so 29 February reads; only month and day are used */
    if (!rn_ingest_dateline(text + l->start, l->len, 2000, probe))
        return 0;
    int month = (probe[5] - '0') * 10 + (probe[6] - '0'), day = (probe[8] - '0') * 10 + (probe[9] - '0');
    int year = 0;
    for (size_t k = 0; k < ls->len && year >= 0; k++)
        if (ls->items[k].drop == KEEP)
            rn_ingest_year_vote(text + ls->items[k].start, ls->items[k].len, month, day, &year);
    return year > 0 ? year : 0;
}

/* When no metadata dated the article: a dateline with its year on one of
 * the first lines, else a date in the URL's path, else a dateline whose
 * month and day the URL's year completes, or else the year the article's
 * full dates agree on. */
static int date_from_page(const char *text, const struct lines *ls, struct rn_article *a)
{
    char date[11] = "", url_date[11];
    int url_year = 0;
    int from_url = a->url && rn_ingest_url_date(a->url, url_date, &url_year);
    /* the first 20 kept lines; only those that open with a dateline's
       place can date the page, in either pass, whatever the year */
    const struct line *placed[20];
    size_t nplaced = 0;
    for (size_t k = 0, seen = 0; k < ls->len && seen < 20 && !date[0]; k++) {
        const struct line *l = &ls->items[k];
        if (l->drop != KEEP || l->len == 0)
            continue;
        seen++;
        if (!rn_ingest_dateline_place(text + l->start, l->len))
            continue;
        placed[nplaced++] = l;
        rn_ingest_dateline(text + l->start, l->len, 0, date);
    }
    if (!date[0] && from_url)
        memcpy(date, url_date, sizeof date);
    for (size_t k = 0; k < nplaced && !date[0]; k++) {
        const struct line *l = placed[k];
        int year = url_year ? url_year : dateline_year_from_text(text, ls, l);
        if (year) /* (with no year it reads as the first pass did) */
            rn_ingest_dateline(text + l->start, l->len, year, date);
    }
    if (date[0] && !(a->date = dup_range(date, 10)))
        return RN_ENOMEM;
    return RN_OK;
}

/* A headline: 4 to 25 words, starting with a capital, digit or quote, not
 * ending in '.' or ':'. */
static int headline_like(const char *s, const struct line *l)
{
    unsigned char c = (unsigned char)s[0], e = (unsigned char)s[l->len - 1];
    return l->words >= 4 && l->words <= 25 && ((c >= 'A' && c <= 'Z') || rn_ascii_is_digit(c) ||
                                               c == '"' || c == '\'' || c >= 0x80) &&
           e != '.' && e != ':';
}

/* Write the kept lines of text, each ending in '\n', with one blank line
 * where the input had one or more. */
static int write_lines(const char *text, const struct lines *ls, struct rn_buf *out)
{
    int blank = 0;
    /* room for all of it at once (each kept line, its '\n' and a blank line
       before it at most): one allocation per article, not a doubling run */
    size_t need = 16;
    for (size_t i = 0; i < ls->len; i++)
        if (ls->items[i].drop == KEEP)
            need += ls->items[i].len + 2;
    if (rn_buf_grow(out, need) != RN_OK)
        return RN_ENOMEM;
    for (size_t i = 0; i < ls->len; i++) {
        const struct line *l = &ls->items[i];
        blank |= l->blank_before;
        if (l->drop != KEEP)
            continue;
        if (blank && out->len > 0 && rn_buf_addc(out, '\n') != RN_OK)
            return RN_ENOMEM;
        blank = 0;
        if (rn_buf_add(out, text + l->start, l->len) != RN_OK || rn_buf_addc(out, '\n') != RN_OK)
            return RN_ENOMEM;
    }
    return RN_OK;
}

struct job {
    const char *name;
    const struct rn_boiler_rules *rules;
    int keep_boilerplate;
    int is_text;
};

/* Classify the lines of text[0..n), fill the metadata it holds, and write
 * the kept lines to a->text. */
static int clean_text(const struct job *job, const char *text, size_t n, struct rn_article *a,
                      struct rn_err *err)
{
    struct lines ls = { NULL, 0, 0 };
    struct rn_buf out = RN_BUF_INIT;
    int rc = split_lines(text, n, &ls);
    if (rc == RN_OK && job->is_text)
        rc = text_header(text, &ls, a);
    if (rc != RN_OK)
        goto fail;

    size_t high = NOT_COUNTED;
    for (size_t i = 0; i < ls.len; i++) {
        struct line *l = &ls.items[i];
        if (l->drop != KEEP)
            continue;
        enum drop d = classify(job->rules, text, n, &high, l);
        char date[11];
        if (d == KEEP && date_only_line(text + l->start, l->len, l->words, date)) {
            d = DROP_DATE;
            if (!a->date && !(a->date = dup_range(date, 10))) {
                rc = RN_ENOMEM;
                goto fail;
            }
        }
        if (!job->keep_boilerplate)
            l->drop = (unsigned char)d;
    }
    if (!a->date && (rc = date_from_page(text, &ls, a)) != RN_OK)
        goto fail;
    if (!job->keep_boilerplate) {
        drop_menu_runs(&ls);
        if ((rc = drop_repeats(text, &ls)) != RN_OK)
            goto fail;
    }

    for (size_t i = 0; i < ls.len; i++) {
        const struct line *l = &ls.items[i];
        if (l->drop != KEEP) {
            if (l->drop != DROP_META) {
                a->boilerplate_lines++;
                a->boilerplate_bytes += l->len + 1;
            }
            continue;
        }
        if (!a->title && i < 12 && headline_like(text + l->start, l) &&
            !(a->title = dup_range(text + l->start, l->len))) {
            rc = RN_ENOMEM;
            goto fail;
        }
    }
    if ((rc = write_lines(text, &ls, &out)) != RN_OK)
        goto fail;
    free(ls.items);
    if (out.len == 0) {
        rn_buf_release(&out);
        return rn_fail(err, RN_EINPUT, "%s: empty article", job->name);
    }
    a->len = out.len;
    a->text = rn_buf_detach(&out);
    return RN_OK;
fail:
    free(ls.items);
    rn_buf_release(&out);
    return rn_fail(err, rc, "out of memory reading %s", job->name);
}

/* The format an extension names, RN_INGEST_AUTO for none or another. */
static enum rn_ingest_format ext_format(const char *path)
{
    static const struct {
        const char *ext;
        enum rn_ingest_format fmt;
    } exts[] = {
        { ".txt", RN_INGEST_TEXT }, { ".text", RN_INGEST_TEXT }, { ".html", RN_INGEST_HTML },
        { ".htm", RN_INGEST_HTML }, { ".xhtml", RN_INGEST_HTML },
    };
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return RN_INGEST_AUTO;
    size_t n = strlen(dot);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (strlen(exts[i].ext) == n && starts_nocase(dot, n, exts[i].ext))
            return exts[i].fmt;
    return RN_INGEST_AUTO;
}

int rn_ingest_is_article_path(const char *path)
{
    return ext_format(path) != RN_INGEST_AUTO;
}

/* Base name without extension; "-" is "stdin". */
static char *article_id(const char *name)
{
    if (strcmp(name, "-") == 0)
        return dup_range("stdin", 5);
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t n = (dot && dot != base) ? (size_t)(dot - base) : strlen(base);
    return dup_range(base, n);
}

/* Binary files: a NUL byte anywhere, or too many control bytes. */
static int check_binary(const char *name, const char *data, size_t len, struct rn_err *err)
{
    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF)))
        return rn_fail(err, RN_EINPUT, "%s: UTF-16 text is not supported (convert it to UTF-8)",
                       name);
    const char *nul = memchr(data, '\0', len);
    if (nul)
        return rn_fail(err, RN_EINPUT, "%s: binary file (NUL byte at offset %zu)", name,
                       (size_t)(nul - data));
    return RN_OK;
}

static int ingest(const char *name, const char *data, size_t len,
                  const struct rn_ingest_options *opt, struct rn_article *out, struct rn_err *err)
{
    static const struct rn_ingest_options defaults = { RN_INGEST_AUTO, 0, NULL };
    if (!opt)
        opt = &defaults;
    memset(out, 0, sizeof *out);
    int rc = check_binary(name, data, len, err);
    if (rc != RN_OK)
        return rc;

    struct job job = { name, opt->rules ? opt->rules : rn_boiler_rules_builtin(), opt->keep_boilerplate,
                       1 };
    enum rn_ingest_format fmt = opt->format;
    if (fmt == RN_INGEST_AUTO)
        fmt = ext_format(name);
    if (fmt == RN_INGEST_AUTO)
        fmt = looks_like_html(data, len) ? RN_INGEST_HTML : RN_INGEST_TEXT;
    job.is_text = fmt != RN_INGEST_HTML;

    struct rn_buf norm = RN_BUF_INIT;
    struct rn_html_doc doc = RN_HTML_DOC_INIT;
    struct norm_stats st = { 0, 0, 0 };
    size_t bom = (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    int legacy = !job.is_text && !bom && declares_legacy_charset(data, len);
    if (normalise(data, len, bom, &norm, &st) != RN_OK) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory reading %s", name);
        goto done;
    }
    if (st.controls * 10 > len) {
        rc = rn_fail(err, RN_EINPUT, "%s: binary file (%zu control bytes in %zu)", name,
                     st.controls, len);
        goto done;
    }
    out->path = dup_range(name, strlen(name));
    out->id = article_id(name);
    if (!out->path || !out->id) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory reading %s", name);
        goto done;
    }
    rn_content_hash_of(data, len, out->content_hash);

    const char *text = rn_buf_str(&norm);
    size_t text_len = norm.len;
    size_t visible = 0;
    while (visible < text_len && strchr(" \t\n", text[visible]))
        visible++;
    if (visible == text_len) {
        rc = rn_fail(err, RN_EINPUT, "%s: empty article", name);
        goto done;
    }
    if (!job.is_text) {
        struct rn_html_filter filter = { rn_boiler_is_class_token, job.rules, opt->keep_boilerplate };
        /* A page in a declared legacy charset goes to libxml2 as it is, to
           be converted; anything else was made valid UTF-8 above. */
        rc = legacy ? rn_html_extract(data, len, NULL, &filter, &doc, err)
                    : rn_html_extract(text, text_len, "UTF-8", &filter, &doc, err);
        if (rc != RN_OK) {
            rn_err_prefix(err, "%s", name);
            goto done;
        }
        if (!legacy) {
            out->invalid_utf8 = st.invalid;
            out->first_invalid_offset = st.first_invalid;
        }
        out->title = doc.title;
        out->url = doc.url;
        doc.title = doc.url = NULL;
        char date[11];
        if (doc.date && rn_ingest_parse_date(doc.date, strlen(doc.date), date, NULL) &&
            !(out->date = dup_range(date, 10))) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory reading %s", name);
            goto done;
        }
        text = rn_buf_str(&doc.text);
        text_len = doc.text.len;
        out->boilerplate_lines = doc.dropped;
    } else {
        out->invalid_utf8 = st.invalid;
        out->first_invalid_offset = st.first_invalid;
    }
    rc = clean_text(&job, text, text_len, out, err);
done:
    rn_buf_release(&norm);
    rn_html_doc_release(&doc);
    if (rc != RN_OK)
        rn_article_release(out);
    return rc;
}

int rn_ingest_memory(const char *name, const char *data, size_t len,
                     const struct rn_ingest_options *opt, struct rn_article *out,
                     struct rn_err *err)
{
    return ingest(name ? name : "(memory)", data ? data : "", data ? len : 0, opt, out, err);
}

int rn_ingest_file(const char *path, const struct rn_ingest_options *opt,
                   struct rn_article *out, struct rn_err *err)
{
    struct rn_buf raw = RN_BUF_INIT;
    memset(out, 0, sizeof *out);
    int rc = read_all(path, &raw, err);
    if (rc == RN_OK)
        rc = ingest(path, rn_buf_str(&raw), raw.len, opt, out, err);
    rn_buf_release(&raw);
    return rc;
}

void rn_article_release(struct rn_article *a)
{
    free(a->path);
    free(a->id);
    free(a->url);
    free(a->title);
    free(a->date);
    free(a->text);
    memset(a, 0, sizeof *a);
}

/* ===== corpus-level boilerplate ================================================ */

struct stat_slot {
    uint64_t hash;  /* 0 = empty */
    uint32_t files; /* articles the line was seen in */
    uint32_t last;  /* serial of the last article that counted it */
};

struct rn_boiler_stats {
    struct stat_slot *slots;
    size_t cap, len;
    unsigned min_files;
    uint32_t serial;       /* articles added */
    struct hashset hashes; /* content hashes already added */
};

struct rn_boiler_stats *rn_boiler_stats_new(unsigned min_files)
{
    struct rn_boiler_stats *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->min_files = min_files ? min_files : RN_BOILER_MIN_FILES;
    return st;
}

void rn_boiler_stats_free(struct rn_boiler_stats *st)
{
    if (!st)
        return;
    free(st->slots);
    free(st->hashes.slots);
    free(st);
}

static struct stat_slot *stats_find(const struct rn_boiler_stats *st, uint64_t h)
{
    if (!st->cap)
        return NULL;
    size_t j = (size_t)h & (st->cap - 1);
    while (st->slots[j].hash && st->slots[j].hash != h)
        j = (j + 1) & (st->cap - 1);
    return &st->slots[j];
}

static int stats_grow(struct rn_boiler_stats *st)
{
    if ((st->len + 1) * 2 <= st->cap)
        return RN_OK;
    size_t ncap = st->cap ? st->cap * 2 : 1024;
    struct stat_slot *slots = calloc(ncap, sizeof *slots);
    if (!slots)
        return RN_ENOMEM;
    for (size_t i = 0; i < st->cap; i++) {
        if (!st->slots[i].hash)
            continue;
        size_t j = (size_t)st->slots[i].hash & (ncap - 1);
        while (slots[j].hash)
            j = (j + 1) & (ncap - 1);
        slots[j] = st->slots[i];
    }
    free(st->slots);
    st->slots = slots;
    st->cap = ncap;
    return RN_OK;
}

static uint64_t line_hash(const char *s, size_t n)
{
    uint64_t h = rn_hash64(s, n);
    return h ? h : 1;
}

int rn_boiler_stats_add(struct rn_boiler_stats *st, const struct rn_article *a)
{
    int added;
    if (hashset_insert(&st->hashes, rn_hash64(a->content_hash, 32), &added) != RN_OK)
        return RN_ENOMEM;
    if (!added || !a->text)
        return RN_OK;
    st->serial++;
    struct lines ls = { NULL, 0, 0 };
    if (split_lines(a->text, a->len, &ls) != RN_OK)
        return RN_ENOMEM;
    int rc = RN_OK;
    for (size_t i = 0; i < ls.len && rc == RN_OK; i++) {
        const struct line *l = &ls.items[i];
        if (l->len > RN_BOILER_LINE_MAX)
            continue;
        if ((rc = stats_grow(st)) != RN_OK)
            break;
        struct stat_slot *s = stats_find(st, line_hash(a->text + l->start, l->len));
        if (!s->hash) {
            s->hash = line_hash(a->text + l->start, l->len);
            st->len++;
        }
        if (s->last != st->serial) {
            s->last = st->serial;
            s->files++;
        }
    }
    free(ls.items);
    return rc;
}

int rn_boiler_stats_apply(const struct rn_boiler_stats *st, struct rn_article *a,
                          struct rn_err *err)
{
    if (!a->text)
        return RN_OK;
    struct lines ls = { NULL, 0, 0 };
    if (split_lines(a->text, a->len, &ls) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory reading %s", a->path ? a->path : "");
    size_t total = 0, repeated = 0, dropped = 0;
    for (size_t i = 0; i < ls.len; i++) {
        struct line *l = &ls.items[i];
        total += l->len;
        if (l->len > RN_BOILER_LINE_MAX)
            continue;
        const struct stat_slot *s = stats_find(st, line_hash(a->text + l->start, l->len));
        if (s && s->hash && s->files >= st->min_files) {
            l->drop = DROP_CORPUS;
            repeated += l->len;
            dropped++;
        }
    }
    int rc = RN_OK;
    /* Mostly repeated: a syndicated copy, not a template. Leave it. */
    if (dropped == 0 || repeated * 2 > total)
        goto out;
    struct rn_buf text = RN_BUF_INIT;
    rc = write_lines(a->text, &ls, &text);
    if (rc != RN_OK) {
        rn_buf_release(&text);
        rc = rn_fail(err, RN_ENOMEM, "out of memory reading %s", a->path ? a->path : "");
        goto out;
    }
    if (text.len == 0) {
        rn_buf_release(&text);
        rc = rn_fail(err, RN_EINPUT, "%s: empty article", a->path ? a->path : "");
        goto out;
    }
    free(a->text);
    a->len = text.len;
    a->text = rn_buf_detach(&text);
    a->boilerplate_lines += dropped;
    a->boilerplate_bytes += repeated;
out:
    free(ls.items);
    return rc;
}

/* ===== directories ============================================================== */

static int path_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int paths_push(struct rn_paths *p, char *s)
{
    char **items = rn_array_grow(p->items, &p->cap, p->len, sizeof *items, 64);
    if (!items)
        return RN_ENOMEM;
    p->items = items;
    p->items[p->len++] = s;
    return RN_OK;
}

static int list_dir(const char *dir, int (*wanted)(const char *path), struct rn_paths *out,
                    struct rn_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return rn_fail_open(err, errno, dir);
    int rc = RN_OK;
    struct dirent *e;
    size_t dn = strlen(dir);
    while (dn > 1 && dir[dn - 1] == '/')
        dn--;
    while (rc == RN_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ".", "..", hidden files and directories */
        size_t en = strlen(e->d_name);
        char *path = malloc(dn + 1 + en + 1);
        if (!path) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory listing %s", dir);
            break;
        }
        memcpy(path, dir, dn);
        path[dn] = '/';
        memcpy(path + dn + 1, e->d_name, en + 1);
        struct stat lst, st;
        /* The directory entry usually says what it is; only symbolic
           links and file systems that do not say need a stat. */
        if (e->d_type == DT_REG)
            lst.st_mode = S_IFREG;
        else if (e->d_type == DT_DIR)
            lst.st_mode = S_IFDIR;
        else if (lstat(path, &lst) != 0) {
            free(path);
            continue; /* vanished while we looked */
        }
        if (S_ISDIR(lst.st_mode)) {
            rc = list_dir(path, wanted, out, err);
            free(path);
        } else if ((S_ISREG(lst.st_mode) ||
                    (S_ISLNK(lst.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))) &&
                   wanted(path)) {
            if (paths_push(out, path) != RN_OK) {
                free(path);
                rc = rn_fail(err, RN_ENOMEM, "out of memory listing %s", dir);
            }
        } else {
            free(path);
        }
    }
    closedir(d);
    return rc;
}

int rn_ingest_list_files(const char *dir, int (*wanted)(const char *path), struct rn_paths *out,
                         struct rn_err *err)
{
    size_t before = out->len;
    int rc = list_dir(dir, wanted, out, err);
    if (rc != RN_OK) {
        for (size_t i = before; i < out->len; i++)
            free(out->items[i]);
        out->len = before;
        return rc;
    }
    if (out->len > before)
        qsort(out->items + before, out->len - before, sizeof *out->items, path_cmp);
    return RN_OK;
}

int rn_ingest_list_dir(const char *dir, struct rn_paths *out, struct rn_err *err)
{
    size_t before = out->len;
    int rc = rn_ingest_list_files(dir, rn_ingest_is_article_path, out, err);
    if (rc == RN_OK && out->len == before)
        return rn_fail(err, RN_EINPUT, "%s: no article files (.txt, .html, .htm)", dir);
    return rc;
}

void rn_paths_release(struct rn_paths *p)
{
    for (size_t i = 0; i < p->len; i++)
        free(p->items[i]);
    free(p->items);
    p->items = NULL;
    p->len = 0;
    p->cap = 0;
}
