/* pubdate.c - an article's date from a news agency's dateline or its URL,
 * when its metadata gives none (part of ingest: see relnet/ingest.h). Every
 * date is finally read by rn_ingest_parse_date, so month names and the
 * calendar have one reader. */
#include "relnet/ingest.h"

#include "ascii.h"

#include <stdio.h>
#include <string.h>

#define YEAR_MIN 1990
#define YEAR_MAX 2039

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* The place before the comma: 1 to 4 words, each starting with a capital
 * (or a non-ASCII letter), of letters, '.', '-' and '\''. Returns the
 * offset of the comma, or 0. */
static size_t dateline_place(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    while (i < n && i <= 40) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'A' && c <= 'Z') || c >= 0x80) || ++words > 4)
            return 0;
        while (i < n && (rn_ascii_is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 ||
                         s[i] == '.' || s[i] == '-' || s[i] == '\''))
            i++;
        if (i < n && s[i] == ',')
            return i;
        if (i >= n || s[i] != ' ')
            return 0;
        i++;
    }
    return 0;
}

/* What may follow the date: spaces, "(Agency)", '.', then a dash ("-",
 * "--", en or em dash) or a colon. */
static int dateline_tail(const char *s, size_t n, size_t i)
{
    i = skip_spaces(s, n, i);
    if (i < n && s[i] == '(') {
        const char *close = memchr(s + i, ')', n - i < 40 ? n - i : 40);
        if (!close)
            return 0;
        i = skip_spaces(s, n, (size_t)(close - s) + 1);
    }
    if (i < n && s[i] == '.')
        i++;
    i = skip_spaces(s, n, i);
    if (i < n && (s[i] == '-' || s[i] == ':'))
        return 1;
    return n - i >= 3 && (memcmp(s + i, "\xE2\x80\x93", 3) == 0 || memcmp(s + i, "\xE2\x80\x94", 3) == 0);
}

int rn_ingest_dateline_place(const char *s, size_t n)
{
    return dateline_place(s, n) != 0;
}

int rn_ingest_dateline(const char *s, size_t n, int year, char out[11])
{
    size_t comma = dateline_place(s, n);
    if (!comma)
        return 0;
    size_t i = skip_spaces(s, n, comma + 1), used;
    /* with its own year: "March 3, 2020" */
    if (rn_ingest_parse_date(s + i, n - i, out, &used))
        return dateline_tail(s, n, i + used);
    /* month and day only: "Sept. 12", "May 3rd" */
    size_t e = i;
    while (e < n && rn_ascii_is_alpha((unsigned char)s[e]))
        e++;
    if (e < n && s[e] == '.')
        e++;
    e = skip_spaces(s, n, e);
    size_t d = e;
    while (e < n && e - d < 2 && rn_ascii_is_digit((unsigned char)s[e]))
        e++;
    if (e == d || (e < n && rn_ascii_is_digit((unsigned char)s[e])))
        return 0;
    if (e + 1 < n && rn_ascii_is_alpha((unsigned char)s[e]) && rn_ascii_is_alpha((unsigned char)s[e + 1]))
        e += 2; /* ordinal */
    if (year < YEAR_MIN || year > YEAR_MAX || e - i > 24 || !dateline_tail(s, n, e))
        return 0;
    char full[40];
    int len = snprintf(full, sizeof full, "%.*s %d", (int)(e - i), s + i, year);
    return rn_ingest_parse_date(full, (size_t)len, out, &used) && used == (size_t)len;
}

/* Digits at s[i..), stopping at a non-digit; returns how many. */
static size_t digit_run(const char *s, size_t i)
{
    size_t k = i;
    while (rn_ascii_is_digit((unsigned char)s[k]))
        k++;
    return k - i;
}

static int number(const char *s, size_t len)
{
    int v = 0;
    for (size_t k = 0; k < len; k++)
        v = v * 10 + (s[k] - '0');
    return v;
}

/* A full date at p (a four-digit year whose value is y): -MM-DD, /MM/DD,
 * /MMDD, /Mon-DD. */
static int date_after_year(const char *p, int y, char out[11])
{
    char text[40];
    char sep = p[4];
    if (sep != '/' && sep != '-')
        return 0; /* also the end of the string: nothing to read after it */
    const char *q = p + 5;
    size_t a = digit_run(q, 0);
    if ((sep == '/' || sep == '-') && (a == 1 || a == 2) && q[a] == sep) {
        size_t b = digit_run(q, a + 1);
        if (b == 1 || b == 2)
            snprintf(text, sizeof text, "%04d-%02d-%02d", y, number(q, a), number(q + a + 1, b));
        else
            return 0;
    } else if (sep == '/' && a == 4) {
        snprintf(text, sizeof text, "%04d-%02d-%02d", y, number(q, 2), number(q + 2, 2));
    } else if (sep == '/' && a == 0 && rn_ascii_is_alpha((unsigned char)q[0]) &&
               rn_ascii_is_alpha((unsigned char)q[1]) && rn_ascii_is_alpha((unsigned char)q[2]) &&
               q[3] == '-' && (digit_run(q, 4) == 1 || digit_run(q, 4) == 2)) {
        snprintf(text, sizeof text, "%.3s %d %04d", q, number(q + 4, digit_run(q, 4)), y);
    } else {
        return 0;
    }
    size_t used;
    return rn_ingest_parse_date(text, strlen(text), out, &used) && used == strlen(text);
}

int rn_ingest_url_date(const char *url, char out[11], int *year)
{
    if (year)
        *year = 0;
    const char *p = strstr(url, "://");
    p = strchr(p ? p + 3 : url, '/'); /* the path: the host's digits are no date */
    for (; p && *p; p++) {
        if (!rn_ascii_is_digit((unsigned char)*p) || rn_ascii_is_alnum((unsigned char)p[-1]))
            continue;
        size_t len = digit_run(p, 0);
        int y = len >= 4 ? number(p, 4) : 0;
        if ((len == 8 || len == 4) && y >= YEAR_MIN && y <= YEAR_MAX) {
            if (year && !*year && len == 4 && !rn_ascii_is_alpha((unsigned char)p[4]))
                *year = y;
            char text[11];
            size_t used;
            if (len == 8) {
                snprintf(text, sizeof text, "%.4s-%.2s-%.2s", p, p + 4, p + 6);
                if (rn_ingest_parse_date(text, 10, out, &used) && used == 10) {
                    if (year)
                        *year = y;
                    return 1;
                }
            } else if (date_after_year(p, y, out)) {
                if (year)
                    *year = y;
                return 1;
            }
        }
        p += len - 1;
    }
    return 0;
}
