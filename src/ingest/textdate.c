/* textdate.c - dates written in running text (part of ingest: see
 * relnet/ingest.h): the day one sentence says its act happened, and the
 * year the full dates of an article give a dateline that has none.
 *
 * Every full date but "the 3rd of March, 2021" (prose's, not a page's) is
 * read by rn_ingest_parse_date and every month or weekday name by
 * datewords.h, so the forms accepted are those of the article dates. What
 * is added here is which mentions date the sentence's act (a mention that
 * names something, as in "the June 4 vigil", does not), the tense of the
 * clause a mention is in ("will vote on Tuesday" looks ahead) and the
 * arithmetic of days for relative mentions ("on Monday", "yesterday",
 * "three days ago", "March 3" without a year). */
#include "relnet/ingest.h"
#include "relnet/record.h"

#include "ascii.h"
#include "datewords.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A month and day without a year lie at most this many days after the
 * article's date and less than a year minus that before it: an article
 * announces what comes soon, and mostly reports what happened in the
 * months before. */
#define AHEAD_DAYS 92
/* A sentence may state its day one day after its article's: the article
 * was dated in another time zone. Later than that, the act had not
 * happened yet when the article was written. */
#define CLOCK_SLACK_DAYS 1
/* Coarse mentions ("in 2019", "in March") kept per sentence; more make
 * it undatable. */
#define MAX_COARSE 8

/* ===== days ===================================================================== */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The day of a real calendar date, or -1 (30 February). */
static long day_of(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    long z = days_from_civil(y, m, d);
    int yy, mm, dd;
    civil_from_days(z, &yy, &mm, &dd);
    return yy == y && mm == m && dd == d ? z : -1;
}

/* "YYYY-MM-DD" as a day, or -1. */
static long day_of_iso(const char *iso)
{
    int y, m, d;
    char end;
    if (!iso)
        return -1;
    /* the form every article date has, read in place; any other as sscanf
       reads it (signs, spaces, fewer digits) */
    const unsigned char *u = (const unsigned char *)iso;
    int plain = 1;
    for (int k = 0; k < 10 && plain; k++)
        plain = k == 4 || k == 7 ? u[k] == '-' : rn_ascii_is_digit(u[k]);
    if (plain && u[10] == '\0')
        return day_of((u[0] - '0') * 1000 + (u[1] - '0') * 100 + (u[2] - '0') * 10 + (u[3] - '0'),
                      (u[5] - '0') * 10 + (u[6] - '0'), (u[8] - '0') * 10 + (u[9] - '0'));
    if (sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
        return -1;
    return day_of(y, m, d);
}

static void iso_of_day(long z, char out[11])
{
    int y, m, d;
    civil_from_days(z, &y, &m, &d);
    if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
        rn_date_iso(y, m, d, out);
        return;
    }
    char tmp[40]; /* the compiler cannot see that the fields fit */
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

/* Monday 1 to Sunday 7; 1970-01-01 was a Thursday. */
static int weekday_of(long z)
{
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w) + 1;
}

/* Month m, day d in the year that puts it in the 365 days up to last: the
 * day, or -1 when there is none (29 February outside a leap year). */
static long day_near(int m, int d, long last)
{
    int y, lm, ld;
    civil_from_days(last, &y, &lm, &ld);
    for (int k = y; k >= y - 1; k--) {
        long z = day_of(k, m, d);
        if (z >= 0 && z <= last && z > last - 365)
            return z;
    }
    return -1;
}

/* ===== words ==================================================================== */

static size_t letters_end(const char *s, size_t n, size_t i)
{
    while (i < n && rn_ascii_is_alpha((unsigned char)s[i]))
        i++;
    return i;
}

static size_t digits_end(const char *s, size_t n, size_t i)
{
    while (i < n && rn_ascii_is_digit((unsigned char)s[i]))
        i++;
    return i;
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* s[a..b) equals word, case ignored. */
static int word_is(const char *s, size_t a, size_t b, const char *word)
{
    if (b - a != strlen(word))
        return 0;
    for (size_t k = a; k < b; k++)
        if (rn_ascii_lower((unsigned char)s[k]) != (unsigned char)word[k - a])
            return 0;
    return 1;
}

/* s[a..b) is one of the words of list (NULL-terminated). */
static int word_in(const char *s, size_t a, size_t b, const char *const *list)
{
    for (; *list; list++)
        if (word_is(s, a, b, *list))
            return 1;
    return 0;
}

/* The word before offset i (across spaces and one '-', as in "mid-March"):
 * its bounds in *a, *b; 0 when there is none. */
static int word_before(const char *s, size_t i, size_t *a, size_t *b)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-'))
        i--;
    size_t e = i;
    while (i > 0 && rn_ascii_is_alpha((unsigned char)s[i - 1]))
        i--;
    *a = i;
    *b = e;
    return e > i;
}

static int before_is(const char *s, size_t i, const char *const *list)
{
    size_t a, b;
    return word_before(s, i, &a, &b) && word_in(s, a, b, list);
}

/* Words that make the date after them name something ("the June 4
 * vigil", "a Jan. 6 hearing", "its 2019 law") rather than date the act. */
static const char *const determiners[] = { "the", "a", "an", "its", "their", "his", "her",
                                           "this", "that", "these", "those", NULL };
/* Words after which a month or year alone says when: "in 2019", "since
 * May", "mid-March", "the end of 2020". */
static const char *const time_words[] = { "in", "since", "during", "until", "till", "by",
                                          "from", "before", "after", "early", "late",
                                          "mid", "of", "through", "throughout", NULL };
/* Days that are names: "Black Friday", "Super Tuesday". */
static const char *const day_names[] = { "black", "good", "cyber", "super", "ash", "bloody",
                                         "holy", "maundy", "palm", "giving", "easter",
                                         "shrove", "fat", NULL };
static const char *const last_words[] = { "last", "past", NULL };
static const char *const next_words[] = { "next", "coming", "following", NULL };
/* Words before a count of days that make it approximate ("about a week
 * ago", "more than two weeks ago") or one of several ("a week and two
 * days ago", "two or three days ago"). */
static const char *const vague_words[] = { "about", "around", "nearly", "almost", "over",
                                           "than", "some", "roughly", "approximately", "under",
                                           "least", "most", "and", "or", "to", NULL };

/* ===== tense ==================================================================== */

/* Conjunctions that start a clause: a future tense before them is
 * another clause's ("Klow will vote after Szohod voted on Monday"). */
static const char *const clause_words[] = { "and", "but", "or", "after", "before", "since",
                                            "until", "when", "while", "which", "who", "whom",
                                            "whose", "that", "because", "although", "though",
                                            "where", "if", "unless", NULL };
static const char *const will_words[] = { "will", "shall", "won't", "won\xe2\x80\x99t", NULL };
static const char *const would_words[] = { "would", "wouldn't", "wouldn\xe2\x80\x99t", NULL };
/* Words before "to" that put the act ahead: "is due to", "plans to". */
static const char *const ahead_to_words[] = { "due", "set", "expected", "scheduled", "slated",
                                              "poised", "plans", "planning", "intends", "going",
                                              "is", "are", "was", "were", NULL };
static const char *const past_be_words[] = { "was", "were", NULL };

enum tense {
    T_PAST,    /* no future tense: a relative date is on or before the article's */
    T_AHEAD,   /* "will vote", "is due to sign": on or after the article's date */
    T_UNCLEAR, /* "would vote", "was due to sign": ahead of a day not given */
};

static int ends_clause(char c)
{
    return c && strchr(",;:()[]\"", c) != NULL;
}

/* The token before offset i, a run of bytes up to a space or a mark that
 * ends a clause: its bounds in *a, *b; 0 at the sentence's start or at
 * such a mark. */
static int token_before(const char *s, size_t i, size_t *a, size_t *b)
{
    while (i > 0 && s[i - 1] == ' ')
        i--;
    size_t e = i;
    while (i > 0 && s[i - 1] != ' ' && !ends_clause(s[i - 1]))
        i--;
    *a = i;
    *b = e;
    return e > i;
}

/* "will" as a verb: not "Will Smith", not "the will of the people". */
static int is_will_verb(const char *s, size_t a, size_t b)
{
    size_t pa, pb;
    return word_in(s, a, b, will_words) && !(a > 0 && is_upper(s[a])) &&
           !(token_before(s, a, &pa, &pb) && word_in(s, pa, pb, determiners));
}

/* The tense of the clause that leads up to a date at offset i, read back
 * to its start (a comma, a parenthesis, a conjunction or the sentence's
 * start). A conjunction right before the date is its preposition: "won't
 * vote until Tuesday". */
static enum tense tense_before(const char *s, size_t i)
{
    size_t a, b;
    int to_follows = 0, first = 1;
    for (; token_before(s, i, &a, &b) && (first || !word_in(s, a, b, clause_words)); first = 0) {
        if (is_will_verb(s, a, b))
            return T_AHEAD;
        if (word_in(s, a, b, would_words))
            return T_UNCLEAR;
        if (to_follows && word_in(s, a, b, ahead_to_words)) {
            size_t pa, pb;
            int past = word_in(s, a, b, past_be_words) ||
                       (token_before(s, a, &pa, &pb) && word_in(s, pa, pb, past_be_words));
            return past ? T_UNCLEAR : T_AHEAD;
        }
        to_follows = word_is(s, a, b, "to");
        i = a;
    }
    return T_PAST;
}

/* ===== mentions ================================================================= */

enum mention_kind {
    M_NONE,     /* no date here */
    M_DAY,      /* a day: .day */
    M_YEARLESS, /* a month and day, placed by the tense: .month, .day */
    M_COARSE, /* a year and/or month: .year (0 = any), .month (0 = any) */
    M_BLOCK,  /* a date that does not date the act, or cannot be placed */
};

struct mention {
    enum mention_kind kind;
    long day;
    int year, month;
    size_t end;   /* where reading goes on */
    int tense;    /* an enum tense, or -1 while the clause is not read */
    int with_the; /* "on the 3rd of March": the "the" before is the date's own */
};

static struct mention no_mention(size_t end)
{
    struct mention r = { M_NONE, 0, 0, 0, end, -1, 0 };
    return r;
}

/* The year a four-digit number stands for, or 0: 1900 to 2099, alone. */
static int year_at(const char *s, size_t n, size_t i, size_t *end)
{
    size_t e = digits_end(s, n, i);
    if (e - i != 4 || (e < n && (rn_ascii_is_alpha((unsigned char)s[e]) || s[e] == '%')))
        return 0;
    int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
    *end = e;
    return y >= 1900 && y <= 2099 ? y : 0;
}

/* A day number (1 or 2 digits, an ordinal suffix allowed) at s[i]: its
 * value, *end after it; 0 when there is none. */
static int day_number_at(const char *s, size_t n, size_t i, size_t *end)
{
    size_t e = digits_end(s, n, i);
    if (e == i || e - i > 2)
        return 0;
    int d = s[i] - '0';
    if (e - i == 2)
        d = d * 10 + (s[i + 1] - '0');
    size_t w = letters_end(s, n, e);
    if (w - e == 2 && (word_is(s, e, w, "st") || word_is(s, e, w, "nd") || word_is(s, e, w, "rd") ||
                       word_is(s, e, w, "th")))
        e = w;
    else if (w > e || (e < n && (s[e] == '.' || s[e] == ',') && e + 1 < n &&
                       rn_ascii_is_digit((unsigned char)s[e + 1])))
        return 0; /* "5G", "3.5", "1,000" */
    *end = e;
    return d;
}

/* A month name at s[i] as prose writes it: capitalised, full or
 * abbreviated with a dot ("Sept.", "Jan."); its number and *end after it
 * and its dot, else 0. */
static int month_at(const char *s, size_t n, size_t i, size_t *end)
{
    if (!is_upper(s[i]))
        return 0;
    size_t e = letters_end(s, n, i);
    int m = rn_ingest_month_number(s + i, e - i);
    if (!m)
        return 0;
    int full = e - i > 4 || word_is(s, i, e, "may") || word_is(s, i, e, "june") ||
               word_is(s, i, e, "july");
    if (e < n && s[e] == '.')
        e++;
    else if (!full && !word_is(s, i, e, "sept"))
        return 0; /* "Jan" is a name, "Jan." a month */
    *end = e;
    return m;
}

/* A weekday's full name, capitalised, at s[i]: 1 (Monday) to 7, else 0. */
static int weekday_at(const char *s, size_t n, size_t i)
{
    size_t e = letters_end(s, n, i);
    /* only the full names end in "day" */
    return is_upper(s[i]) && e - i >= 6 && word_is(s, e - 3, e, "day")
               ? rn_ingest_weekday_number(s + i, e - i)
               : 0;
}

/* A relative day: a weekday ("on Monday", "last Friday"), "yesterday",
 * "today". */
static struct mention relative_at(const char *s, size_t n, size_t i, long article)
{
    size_t e = letters_end(s, n, i);
    struct mention r = no_mention(e);
    int wd = weekday_at(s, n, i);
    int back; /* days back from the article's date */
    if (wd) {
        if (before_is(s, i, day_names))
            return r;
        if (before_is(s, i, next_words)) {
            r.kind = M_BLOCK; /* "next Monday": this one or the one after? */
            return r;
        }
        int last = before_is(s, i, last_words);
        r.tense = last ? T_PAST : (int)tense_before(s, i);
        if (r.tense == T_UNCLEAR) {
            r.kind = M_BLOCK; /* "would vote on Tuesday": after which day? */
            return r;
        }
        back = article < 0 ? 0 : (weekday_of(article) - wd + 7) % 7;
        if (r.tense == T_AHEAD && back > 0)
            back -= 7; /* "will vote on Tuesday": the next Tuesday */
        if (back == 0 && last)
            back = 7;
    } else if (word_is(s, i, e, "yesterday")) {
        back = 1;
    } else if (word_is(s, i, e, "today") || word_is(s, i, e, "tonight")) {
        size_t a, b; /* "USA Today", "Russia Today" are names */
        if (word_before(s, i, &a, &b) && is_upper(s[a]) && s[i] == 'T')
            return r;
        back = 0;
    } else {
        return r;
    }
    r.kind = article < 0 ? M_BLOCK : M_DAY;
    r.day = article - back;
    return r;
}

/* The count written before offset i: digits (1 to 99), "a", "an" or a
 * number word up to twelve; its value and *start, else 0. */
static int count_before(const char *s, size_t i, size_t *start)
{
    static const char *const numbers[] = { "one",   "two",   "three", "four", "five",
                                           "six",   "seven", "eight", "nine", "ten",
                                           "eleven", "twelve", NULL };
    while (i > 0 && s[i - 1] == ' ')
        i--;
    size_t e = i;
    while (i > 0 && rn_ascii_is_digit((unsigned char)s[i - 1]))
        i--;
    if (i < e) {
        *start = i;
        int value = e - i > 2 || (i > 0 && rn_ascii_is_alpha((unsigned char)s[i - 1])) ? 0 : atoi(s + i);
        return value;
    }
    size_t a, b;
    if (!word_before(s, e, &a, &b))
        return 0;
    *start = a;
    if (word_is(s, a, b, "a") || word_is(s, a, b, "an"))
        return 1;
    for (int k = 0; numbers[k]; k++)
        if (word_is(s, a, b, numbers[k]))
            return k + 1;
    return 0;
}

/* A perfect tense ("has banned", "have signed") before offset i: it takes
 * no "ago" of its own, so an "ago" after it dates something else ("has
 * banned the apps after the clash two weeks ago"). */
static int perfect_before(const char *s, size_t i)
{
    static const char *const have_words[] = { "has", "have", NULL };
    size_t a, b;
    for (; i > 0; i = a) {
        if (!token_before(s, i, &a, &b))
            a = i - 1; /* across a clause mark */
        else if (word_in(s, a, b, have_words))
            return 1;
    }
    return 0;
}

/* "three days ago", "a week ago", "2 weeks ago" ("ago" at s[i]): that many
 * days before the article's date. Anything vaguer ("a few days ago",
 * "about a week ago", "two years ago") cannot be placed to a day, nor one
 * set off by a comma or after a perfect tense, which date another event
 * than the sentence's ("has banned the apps after the clash, two weeks
 * ago"). */
static struct mention ago_at(const char *s, size_t i, size_t end, long article)
{
    struct mention r = no_mention(end);
    r.kind = M_BLOCK;
    size_t a, b, start;
    if (!word_before(s, i, &a, &b))
        return r;
    int unit = word_is(s, a, b, "day") || word_is(s, a, b, "days")     ? 1
               : word_is(s, a, b, "week") || word_is(s, a, b, "weeks") ? 7
                                                                         : 0;
    int count = unit ? count_before(s, a, &start) : 0;
    int plural = s[b - 1] == 's' || s[b - 1] == 'S';
    if (!count || plural != (count > 1) || article < 0)
        return r;
    size_t k = start;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (before_is(s, start, vague_words) || (k > 0 && ends_clause(s[k - 1])) || perfect_before(s, start))
        return r;
    r.kind = M_DAY;
    r.day = article - (long)count * unit;
    return r;
}

/* "last year", "this year", "last month": coarse, from the article's
 * date; "three days ago" by ago_at. */
static struct mention coarse_word_at(const char *s, size_t n, size_t i, long article)
{
    static const char *const this_words[] = { "this", NULL };
    size_t e = letters_end(s, n, i);
    struct mention r = no_mention(e);
    if (word_is(s, i, e, "ago"))
        return ago_at(s, i, e, article);
    int year = word_is(s, i, e, "year"), month = word_is(s, i, e, "month");
    if (!(year || month))
        return r; /* (most words: the words before are read only for these) */
    int last = before_is(s, i, last_words), this = before_is(s, i, this_words);
    if (!(last || this || before_is(s, i, next_words)))
        return r;
    if (article < 0 || !(last || this)) {
        r.kind = M_BLOCK;
        return r;
    }
    int y, m, d;
    civil_from_days(article, &y, &m, &d);
    if (month && last && --m == 0) {
        m = 12;
        y--;
    }
    r.kind = M_COARSE;
    r.year = year && last ? y - 1 : y;
    r.month = month ? m : 0;
    return r;
}

/* A full date ("March 3, 2021", "3 March 2021", "2021-03-03", "Tuesday,
 * March 3, 2021") at s[i], by rn_ingest_parse_date. */
static int full_date_at(const char *s, size_t n, size_t i, struct mention *r)
{
    char iso[11];
    size_t used;
    if (!rn_ingest_parse_date(s + i, n - i, iso, &used) || used == 0)
        return 0;
    while (used > 0 && s[i + used - 1] == ' ')
        used--;
    r->kind = M_DAY;
    r->day = day_of_iso(iso);
    r->end = i + used;
    return r->day >= 0;
}

/* Month and day without a year ("March 3", "3 March"), placed by
 * place_yearless once the clause's tense is read. */
static void month_day(int m, int d, struct mention *r)
{
    r->kind = M_YEARLESS;
    r->month = m;
    r->day = d;
}

/* A yearless month and day near the article's date: in a future clause
 * the first such day on or after it (a day of time zones allowed), else
 * the year that puts it at most AHEAD_DAYS after it. */
static void place_yearless(long article, struct mention *r)
{
    long last = r->tense == T_AHEAD ? article - CLOCK_SLACK_DAYS + 364 : article + AHEAD_DAYS;
    long z = article < 0 || r->tense == T_UNCLEAR ? -1 : day_near(r->month, (int)r->day, last);
    r->kind = z >= 0 ? M_DAY : M_BLOCK;
    r->day = z;
    r->month = 0;
}

/* "the 3rd of March", "the 3rd of March, 2021" after a day number with its
 * ordinal suffix ending at s[e]. */
static int of_month_at(const char *s, size_t n, size_t e, int d, struct mention *r)
{
    size_t me, ye;
    int m;
    if (!(e + 4 < n && word_is(s, e, e + 4, " of ") && (m = month_at(s, n, e + 4, &me))))
        return 0;
    size_t j = me + (me < n && s[me] == ',');
    int y = j < n && s[j] == ' ' ? year_at(s, n, j + 1, &ye) : 0;
    if (y) {
        r->day = day_of(y, m, d);
        r->kind = r->day >= 0 ? M_DAY : M_BLOCK;
        r->end = ye;
    } else {
        month_day(m, d, r);
        r->end = me;
    }
    return 1;
}

/* A mention starting with digits: a full date, "3 March", "the 3rd of
 * March", "in 2019". */
static struct mention digits_at(const char *s, size_t n, size_t i)
{
    struct mention r = no_mention(digits_end(s, n, i));
    if (full_date_at(s, n, i, &r))
        return r;
    size_t e, me;
    int d = day_number_at(s, n, i, &e), m = 0;
    if (d && e < n && s[e] == ' ' && (m = month_at(s, n, e + 1, &me))) {
        r.end = me;
        month_day(m, d, &r);
        return r;
    }
    if (d && e > r.end && of_month_at(s, n, e, d, &r)) {
        /* "on the 3rd of March" dates the act; "by the 3rd of March", "the
           3rd of March law" do not */
        size_t a, b;
        r.with_the = word_before(s, i, &a, &b) && word_is(s, a, b, "the") &&
                     before_is(s, a, (const char *const[]){ "on", NULL });
        return r;
    }
    int y = year_at(s, n, i, &e);
    if (y && before_is(s, i, time_words)) {
        r.kind = M_COARSE;
        r.year = y;
        r.end = e;
    }
    return r;
}

/* A mention starting with a month: a full date, "March 3", "March 2021",
 * "in March". */
static struct mention month_word_at(const char *s, size_t n, size_t i)
{
    struct mention r = no_mention(letters_end(s, n, i));
    /* with its year, "Jan 21, 2020" is a date too */
    if (!is_upper(s[i]) || !rn_ingest_month_number(s + i, r.end - i) || full_date_at(s, n, i, &r))
        return r;
    size_t e, de;
    int m = month_at(s, n, i, &e);
    if (!m)
        return r;
    size_t j = e;
    while (j < n && s[j] == ' ')
        j++;
    int d = j > e ? day_number_at(s, n, j, &de) : 0, y = 0;
    if (d) {
        r.end = de;
        month_day(m, d, &r);
    } else if (j > e && (y = year_at(s, n, j, &de))) {
        r.kind = M_COARSE; /* "March 2021" */
        r.year = y;
        r.month = m;
        r.end = de;
    } else if (before_is(s, i, time_words)) {
        r.kind = M_COARSE; /* "in March" ("Theresa May" is not a date) */
        r.month = m;
        r.end = e;
    }
    return r;
}

/* The date mention that starts at s[i] (a word's start). */
static struct mention mention_at(const char *s, size_t n, size_t i, long article)
{
    struct mention r;
    int may_name = 1; /* "this year", "a week ago" bring their own determiner */
    if (rn_ascii_is_digit((unsigned char)s[i]))
        r = digits_at(s, n, i);
    else if ((r = month_word_at(s, n, i)).kind == M_NONE &&
             !(weekday_at(s, n, i) && full_date_at(s, n, i, &r)) && /* "Tuesday, March 3, 2021" */
             (r = relative_at(s, n, i, article)).kind == M_NONE) {
        r = coarse_word_at(s, n, i, article);
        may_name = 0;
    }
    /* "the June 4 vigil", "its 2019 law", "this Monday": the date names
       something, or is not clear */
    size_t start = i, a, b;
    if (r.with_the && word_before(s, i, &a, &b))
        start = a; /* "on the 3rd of March" brings its own "the" */
    if (may_name && r.kind != M_NONE && before_is(s, start, determiners))
        r.kind = M_BLOCK;
    if ((r.kind == M_DAY || r.kind == M_YEARLESS) && r.tense < 0)
        r.tense = (int)tense_before(s, i);
    if (r.kind == M_YEARLESS)
        place_yearless(article, &r);
    if (r.end <= i)
        r.end = i + 1;
    return r;
}

/* Is u[k] the letter c (lowercase), in either case? */
static inline int letter_at(const unsigned char *u, size_t k, char c)
{
    return (u[k] | 0x20) == (unsigned char)c;
}

/* Every day-level mention holds a digit (a full date, a month and day),
 * "day" (a weekday, "yesterday", "today"), "night" ("tonight") or "ago"
 * ("a week ago"): a sentence with none of them cannot be dated and is not
 * read further. */
static int may_hold_day(const char *s, size_t n)
{
    /* looked for by a digit or by the rarer letter of each word ("da|y",
       "a|g|o", "ni|g|ht"), through a table: most bytes are none of them */
    static const unsigned char anchor[256] = {
        ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
        ['8'] = 1, ['9'] = 1, ['y'] = 2, ['Y'] = 2, ['g'] = 3, ['G'] = 3,
    };
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned k = anchor[u[i]];
        if (k == 0)
            continue;
        if (k == 1 || (k == 2 && i >= 2 && letter_at(u, i - 2, 'd') && letter_at(u, i - 1, 'a')) ||
            (k == 3 && i >= 1 && i + 1 < n && letter_at(u, i - 1, 'a') && letter_at(u, i + 1, 'o')) ||
            (k == 3 && i >= 2 && i + 2 < n && letter_at(u, i - 2, 'n') && letter_at(u, i - 1, 'i') &&
             letter_at(u, i + 1, 'h') && letter_at(u, i + 2, 't')))
            return 1;
    }
    return 0;
}

/* Only words starting with a digit or one of these letters can begin a
 * date: months, weekdays, "yesterday", "today", "tonight", "year",
 * "month", "ago". */
static int may_start_date(unsigned char c)
{
    /* "ADFJMNOSTWYadmty0123456789", as a table: asked at every word start */
    static const unsigned char starts[256] = {
        ['A'] = 1, ['D'] = 1, ['F'] = 1, ['J'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['S'] = 1,
        ['T'] = 1, ['W'] = 1, ['Y'] = 1, ['a'] = 1, ['d'] = 1, ['m'] = 1, ['t'] = 1, ['y'] = 1,
        ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
        ['8'] = 1, ['9'] = 1,
    };
    return starts[c];
}

int rn_ingest_sentence_date(const char *s, size_t n, const char *article_date, char out[11])
{
    if (!may_hold_day(s, n))
        return 0;
    long article = day_of_iso(article_date), day = -1;
    struct mention coarse[MAX_COARSE];
    size_t ncoarse = 0;
    int past_reading = 0; /* a day-level mention read in a clause with no future tense */
    for (size_t i = 0; i < n;) {
        if ((i > 0 && rn_ascii_is_alnum((unsigned char)s[i - 1])) || !may_start_date((unsigned char)s[i])) {
            i++;
            continue;
        }
        struct mention m = mention_at(s, n, i, article);
        i = m.end;
        if (m.kind == M_BLOCK || (m.kind == M_DAY && day >= 0 && m.day != day) ||
            (m.kind == M_COARSE && ncoarse == MAX_COARSE))
            return 0;
        /* "will vote on March 1" in an article of March 5: which year? */
        if (m.kind == M_DAY && m.tense == T_AHEAD && article >= 0 && m.day < article - CLOCK_SLACK_DAYS)
            return 0;
        if (m.kind == M_DAY) {
            day = m.day;
            past_reading |= m.tense != T_AHEAD;
        }
        else if (m.kind == M_COARSE)
            coarse[ncoarse++] = m;
    }
    /* a day after the article's is a plan, said only in the future tense */
    if (day < 0 || (article >= 0 && day > article + CLOCK_SLACK_DAYS && past_reading))
        return 0;
    int y, mo, d;
    civil_from_days(day, &y, &mo, &d);
    for (size_t k = 0; k < ncoarse; k++)
        if ((coarse[k].year && coarse[k].year != y) || (coarse[k].month && coarse[k].month != mo))
            return 0;
    iso_of_day(day, out);
    return 1;
}

/* ===== a dateline's year ======================================================== */

void rn_ingest_year_vote(const char *s, size_t n, int month, int day, int *year)
{
    for (size_t i = 0; i < n && *year >= 0; i++) {
        struct mention m;
        if ((i > 0 && rn_ascii_is_alnum((unsigned char)s[i - 1])) ||
            !(rn_ascii_is_digit((unsigned char)s[i]) || is_upper(s[i])) || !full_date_at(s, n, i, &m))
            continue;
        i = m.end - 1;
        /* the article's day, as a sentence's date is read against it: the
           date written at most AHEAD_DAYS after it, less than a year before */
        long z = day_near(month, day, m.day + 364 - AHEAD_DAYS);
        int y, mm, dd;
        civil_from_days(z, &y, &mm, &dd);
        if (z < 0 || (*year && *year != y))
            *year = -1;
        else
            *year = y;
    }
}
