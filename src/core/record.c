/* record.c - relation record helpers (see relnet/record.h). */
#include "relnet/record.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void rn_record_init(struct rn_record *r)
{
    memset(r, 0, sizeof *r);
    r->polarity = RN_POL_ASSERTED;
    r->confidence = 1.0;
    r->weight = 1.0;
    r->offset = -1;
    r->origin = RN_ORIGIN_CSV;
}

static const char *const polarity_names[RN_POL_COUNT] = { "asserted", "negated", "hedged" };

static const char *const etype_names[RN_ETYPE_COUNT] = {
    "unknown", "country", "organization", "company", "person", "group", "document",
};

const char *rn_polarity_name(enum rn_polarity p)
{
    return (unsigned)p < RN_POL_COUNT ? polarity_names[p] : "asserted";
}

const char *rn_etype_name(enum rn_etype t)
{
    return (unsigned)t < RN_ETYPE_COUNT ? etype_names[t] : "unknown";
}

const char *rn_origin_name(enum rn_origin o)
{
    return o == RN_ORIGIN_EXTRACTED ? "extracted" : "csv";
}

int rn_polarity_parse(const char *s, enum rn_polarity *out)
{
    static const struct {
        const char *name;
        enum rn_polarity pol;
    } names[] = {
        { "asserted", RN_POL_ASSERTED }, { "assert", RN_POL_ASSERTED },
        { "positive", RN_POL_ASSERTED }, { "", RN_POL_ASSERTED },
        { "negated", RN_POL_NEGATED },   { "negative", RN_POL_NEGATED },
        { "neg", RN_POL_NEGATED },       { "hedged", RN_POL_HEDGED },
        { "hedge", RN_POL_HEDGED },      { "possible", RN_POL_HEDGED },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(s, names[i].name) == 0) {
            *out = names[i].pol;
            return RN_OK;
        }
    }
    return RN_EINPUT;
}

int rn_etype_parse(const char *s, enum rn_etype *out)
{
    static const struct {
        const char *name;
        enum rn_etype type;
    } names[] = {
        { "", RN_ETYPE_UNKNOWN },
        { "unknown", RN_ETYPE_UNKNOWN },
        { "country", RN_ETYPE_COUNTRY },
        { "state", RN_ETYPE_COUNTRY },
        { "nation", RN_ETYPE_COUNTRY },
        { "organization", RN_ETYPE_ORGANIZATION },
        { "organisation", RN_ETYPE_ORGANIZATION },
        { "org", RN_ETYPE_ORGANIZATION },
        { "agency", RN_ETYPE_ORGANIZATION },
        { "company", RN_ETYPE_COMPANY },
        { "firm", RN_ETYPE_COMPANY },
        { "corporation", RN_ETYPE_COMPANY },
        { "person", RN_ETYPE_PERSON },
        { "people", RN_ETYPE_PERSON },
        { "group", RN_ETYPE_GROUP },
        { "alliance", RN_ETYPE_GROUP },
        { "document", RN_ETYPE_DOCUMENT },
        { "doc", RN_ETYPE_DOCUMENT },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(s, names[i].name) == 0) {
            *out = names[i].type;
            return RN_OK;
        }
    }
    return RN_EINPUT;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

void rn_date_iso(int y, int m, int d, char out[11])
{
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = out[7] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

int rn_date_normalize(const char *s, char out[11])
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    int y, m, d;
    size_t used;
    if (n >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4]) {
        y = digits(s, 4);
        m = digits(s + 5, 2);
        d = digits(s + 8, 2);
        used = 10;
    } else if (n >= 8 && digits(s, 8) >= 0) {
        y = digits(s, 4);
        m = digits(s + 4, 2);
        d = digits(s + 6, 2);
        used = 8;
    } else {
        return RN_EINPUT;
    }
    /* Anything after the date must be a time ("T12:00:00Z" or " 12:00"). */
    if (used < n && s[used] != 'T' && s[used] != ' ')
        return RN_EINPUT;
    if (used == 8 && used < n)
        return RN_EINPUT;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return RN_EINPUT;
    /* y < 10000, m <= 12 and d <= 31 were checked above, so this fits. */
    rn_date_iso(y % 10000, m % 100, d % 100, out);
    return RN_OK;
}

int rn_relation_normalize(const char *s, char *out, size_t outsz)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0 || n >= outsz)
        return RN_EINPUT;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            return RN_EINPUT;
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); /* ASCII, as in the C locale */
    }
    out[n] = '\0';
    return RN_OK;
}

int rn_record_check(const struct rn_record *rec, char *relname, size_t size, struct rn_err *err)
{
    if (!rec->source || !rec->source[0])
        return rn_fail(err, RN_EINPUT, "empty source");
    if (!rec->target || !rec->target[0])
        return rn_fail(err, RN_EINPUT, "empty target");
    if (!rec->relation || rn_relation_normalize(rec->relation, relname, size) != RN_OK)
        return rn_fail(err, RN_EINPUT, "empty or invalid relation");
    return RN_OK;
}
