/* test_ingest.c - article ingest: plain text and HTML, metadata, boilerplate
 * removal, bad input (binary, invalid UTF-8, empty, huge), line ends, BOM,
 * dates, directory listing, corpus-level repeated lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/error.h"
#include "relnet/boilerplate.h"
#include "relnet/buf.h"
#include "relnet/ingest.h"
#include "relnet/sentence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- helpers --------------------------------------------------------------- */

static const char *fixture(const char *name)
{
    static char path[4096];
    const char *dir = getenv("RELNET_TEST_DATA");
    snprintf(path, sizeof path, "%s/ingest/%s", dir ? dir : "tests/data", name);
    return path;
}

static int has_line(const struct rn_article *a, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = a->text; (p = strstr(p, line)) != NULL; p++)
        if ((p == a->text || p[-1] == '\n') && p[n] == '\n')
            return 1;
    return 0;
}

static void assert_has_line(const struct rn_article *a, const char *line)
{
    if (!has_line(a, line))
        print_error("missing line: %s\ntext:\n%s\n", line, a->text);
    assert_true(has_line(a, line));
}

static void assert_no_text(const struct rn_article *a, const char *part)
{
    if (strstr(a->text, part))
        print_error("unexpected: %s\ntext:\n%s\n", part, a->text);
    assert_null(strstr(a->text, part));
}

static int ingest_str(const char *name, const char *s, struct rn_article *a, struct rn_err *err)
{
    return rn_ingest_memory(name, s, strlen(s), NULL, a, err);
}

/* --- plain text -------------------------------------------------------------- */

static void test_text_metadata_and_boilerplate(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_file(fixture("scraped.txt"), NULL, &a, &err), RN_OK);
    assert_string_equal(a.id, "scraped");
    assert_string_equal(a.url, "https://example.org/news/ruritania-bans-widgets");
    assert_string_equal(a.date, "2021-04-07");
    assert_string_equal(a.title, "Ruritania bans Freedonian widgets over safety fears");
    assert_int_equal(a.len, strlen(a.text));
    assert_int_equal(strlen(a.content_hash), 32);
    /* the date prefix is cut, the sentence stays */
    assert_has_line(&a, "Ruritania has banned imports of Freedonian widgets, the trade ministry "
                        "said on Wednesday.");
    /* headline, caption and a list introduced by a colon are kept */
    assert_has_line(&a, "Ruritania bans Freedonian widgets over safety fears");
    assert_has_line(&a, "A customs officer inspects a crate of widgets at the border.");
    assert_has_line(&a, "Borduria");
    assert_has_line(&a, "Kurdonia");
    /* page furniture is gone */
    const char *gone[] = { "URL:", "Home", "Technology", "Advertisement", "ALSO READ",
                           "Photo: Example Wire", "Share this article", "Facebook",
                           "Subscribe", "Enter your email", "newsdesk@example.org",
                           "which started when...", "\xC2\xA9 2021", "cookies", " date " };
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_no_text(&a, gone[i]);
    /* the repeated headline at the bottom is dropped, the first one kept */
    const char *first = strstr(a.text, "Ruritania bans Freedonian");
    assert_non_null(first);
    assert_null(strstr(first + 1, "Ruritania bans Freedonian"));
    assert_true(a.boilerplate_lines >= 18);
    assert_null(strstr(a.text, "\n\n\n"));
    rn_article_release(&a);
    rn_article_release(&a); /* twice is safe */
}

/* A headline has at most 25 words, counted wherever the word starts fall
   (the count goes 16 bytes at a step). */
static void test_headline_words_counted(void **state)
{
    (void)state;
    for (int words = 24; words <= 26; words++) {
        for (int shift = 0; shift < 16; shift++) {
            char text[1024];
            size_t n = (size_t)snprintf(text, sizeof text, "Ruritania%.*s", shift, "bbbbbbbbbbbbbbbb");
            for (int w = 1; w < words; w++)
                n += (size_t)snprintf(text + n, sizeof text - n, " w%.*s", w % 7, "ccccccc");
            snprintf(text + n, sizeof text - n, "\n\nThe body of the story says little.\n");
            struct rn_article a = RN_ARTICLE_INIT;
            struct rn_err err = RN_ERR_INIT;
            assert_int_equal(ingest_str("h.txt", text, &a, &err), RN_OK);
            if (words <= 25)
                assert_non_null(a.title);
            else
                assert_null(a.title);
            rn_article_release(&a);
        }
    }
}

/* A line repeated in a long article (its set of lines outgrows the first
   table) is dropped, its first showing kept. */
static void test_repeats_in_a_long_article(void **state)
{
    (void)state;
    static char text[20000];
    size_t n = 0;
    for (int k = 0; k < 150; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, "Klow banned radio model %d on day %d.\n\n", k, k);
    snprintf(text + n, sizeof text - n, "Klow banned radio model 3 on day 3.\n");
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("long.txt", text, &a, &err), RN_OK);
    const char *first = strstr(a.text, "model 3 on day 3.");
    assert_non_null(first);
    assert_null(strstr(first + 1, "model 3 on day 3."));
    assert_non_null(strstr(a.text, "model 149 on day 149."));
    rn_article_release(&a);
}

static void test_keep_boilerplate_option(void **state)
{
    (void)state;
    struct rn_ingest_options opt = { RN_INGEST_AUTO, 1, NULL };
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_file(fixture("scraped.txt"), &opt, &a, &err), RN_OK);
    assert_has_line(&a, "Advertisement");
    assert_has_line(&a, "Home");
    assert_string_equal(a.date, "2021-04-07");
    assert_no_text(&a, "URL:");
    assert_int_equal(a.boilerplate_lines, 0);
    rn_article_release(&a);
}

static void test_headlines_and_captions_survive(void **state)
{
    (void)state;
    const char *text = "Borduria accuses Syldavia of hacking its grid\n"
                       "\n"
                       "Officials in Szohod said on Monday that Syldavian agents broke into the "
                       "power grid.\n"
                       "Image: Engineers at the Szohod control centre, which was attacked\n"
                       "Syldavia denies the charge\n"
                       "Read more about the grid attack and what it means for the region here "
                       "in our explainer\n";
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("grid.txt", text, &a, &err), RN_OK);
    assert_has_line(&a, "Borduria accuses Syldavia of hacking its grid");
    assert_has_line(&a, "Image: Engineers at the Szohod control centre, which was attacked");
    assert_has_line(&a, "Syldavia denies the charge");
    /* "Read more" only drops short lines: this one is long */
    assert_true(has_line(&a, "Read more about the grid attack and what it means for the region "
                             "here in our explainer"));
    assert_int_equal(a.boilerplate_lines, 0);
    rn_article_release(&a);
}

static void test_article_cut_short_is_kept(void **state)
{
    (void)state;
    /* A feed excerpt: the whole article is one paragraph, cut off with "…"
       in mid-sentence. Prose of many sentences is never a teaser. */
    const char *text =
        "URL: https://example.org/klow-ban\n\n"
        "The Klow competition authority said on Tuesday that it had fined the grain trader "
        "Varda Holdings for fixing prices across the northern provinces. The regulator said "
        "the company had shared price lists with three rivals for six years. Varda said it "
        "would appeal the decision in the capital's commercial court. The authority also "
        "banned two of the firm's directors from serving on any board for five years. "
        "Analysts said the fine was the largest in the country's history and that other "
        "traders were likely to face similar scrutiny in the months ahead, as the regulator "
        "widens its inquiry into \xE2\x80\xA6\n"
        "\n"
        "Read next: Why grain prices in Klow keep rising and what the minister plans to do\xE2\x80\xA6\n";
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("cut.txt", text, &a, &err), RN_OK);
    assert_non_null(strstr(a.text, "banned two of the firm's directors"));
    /* the one-line teaser after it still goes */
    assert_null(strstr(a.text, "Read next"));
    assert_int_equal(a.boilerplate_lines, 1);
    rn_article_release(&a);
}

static void test_menu_runs(void **state)
{
    (void)state;
    const char *text = "News\nSport\nWeather\nCulture\n\n"
                       "Szohod bans Klow imports\n"
                       "The government of Szohod said on Friday that it would ban imports.\n"
                       "Politics\n\nMore\n";
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("menu.txt", text, &a, &err), RN_OK);
    assert_no_text(&a, "Sport");
    assert_no_text(&a, "Weather");
    assert_has_line(&a, "Szohod bans Klow imports");
    /* two short lines are not a run: kept (cheap to keep) */
    assert_has_line(&a, "Politics");
    rn_article_release(&a);

    /* menus, share bars and teasers on one line; bylines */
    text = "Home | World | Business | Tech\n"
           "Home \xE2\x80\xBA Europe \xE2\x80\xBA Klow\n"
           "Menu  News  Sport  Search\n"
           "Klow and Szohod sign a fishing pact\n"
           "By Ana Example | 4 min read\n"
           "By a staff reporter\n"
           "By 2030 Klow will ban petrol cars, the minister said.\n"
           "The pact was signed in Klow on Monday by both prime ministers.\n"
           "Share: Facebook | Twitter | Email\n"
           "Related: Why Klow left the union | What the pact means for fishing\n"
           "Klow | Szohod talks collapse after a week of bitter arguments\n";
    assert_int_equal(ingest_str("menu2.txt", text, &a, &err), RN_OK);
    assert_string_equal(a.text, "Klow and Szohod sign a fishing pact\n"
                                "By 2030 Klow will ban petrol cars, the minister said.\n"
                                "The pact was signed in Klow on Monday by both prime ministers.\n"
                                "Klow | Szohod talks collapse after a week of bitter arguments\n");
    assert_string_equal(a.title, "Klow and Szohod sign a fishing pact");
    assert_int_equal(a.boilerplate_lines, 7);
    rn_article_release(&a);
}

static void test_spam_in_another_script(void **state)
{
    (void)state;
    const char *text = "Klow signs the water treaty with Szohod after long talks.\n"
                       "\xE5\x85\x8D\xE8\xB4\xB9\xE5\xA8\xB1\xE4\xB9\x90\xE5\x9C\xA8\xE7\xBA\xBF\n"
                       "The treaty was signed in the capital on Monday by both ministers.\n";
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("spam.txt", text, &a, &err), RN_OK);
    assert_no_text(&a, "\xE5\x85\x8D");
    assert_int_equal(a.boilerplate_lines, 1);
    rn_article_release(&a);
}

static void test_date_forms(void **state)
{
    (void)state;
    char d[11];
    size_t used;
    assert_true(rn_ingest_parse_date("2020-06-29", 10, d, &used));
    assert_string_equal(d, "2020-06-29");
    assert_int_equal(used, 10);
    assert_true(rn_ingest_parse_date("2022-11-03T08:15:00+01:00", 25, d, &used));
    assert_string_equal(d, "2022-11-03");
    assert_int_equal(used, 10);
    assert_true(rn_ingest_parse_date("2020/6/9", 8, d, NULL));
    assert_string_equal(d, "2020-06-09");
    assert_true(rn_ingest_parse_date("June 30, 2020", 13, d, NULL));
    assert_string_equal(d, "2020-06-30");
    assert_true(rn_ingest_parse_date("Sept. 12, 2020", 14, d, NULL));
    assert_string_equal(d, "2020-09-12");
    assert_true(rn_ingest_parse_date("Thu 2 Nov 2023", 14, d, NULL));
    assert_string_equal(d, "2023-11-02");
    assert_true(rn_ingest_parse_date("Monday, 1st March 2021", 22, d, NULL));
    assert_string_equal(d, "2021-03-01");
    assert_false(rn_ingest_parse_date("5G networks", 11, d, NULL));
    assert_false(rn_ingest_parse_date("March 2020", 10, d, NULL));
    assert_false(rn_ingest_parse_date("2020-13-01", 10, d, NULL));
    assert_false(rn_ingest_parse_date("2021-02-30", 10, d, NULL)); /* found by fuzz_date */
    assert_false(rn_ingest_parse_date("31 April 2020", 13, d, NULL));
    assert_false(rn_ingest_parse_date("20200101", 8, d, NULL));
    assert_false(rn_ingest_parse_date("", 0, d, NULL));
}

static void test_date_lines_in_text(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("d.txt", "Klow bans Szohod radio stations\n"
                                         "Published: 14 February 2019 10:32 GMT\n"
                                         "The ban was announced by the media regulator.\n",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2019-02-14");
    assert_no_text(&a, "Published");
    rn_article_release(&a);
    /* "date:" prefix with text after it; a later date line does not win */
    assert_int_equal(ingest_str("d.txt", "Date: 2018-05-01 Klow signed the accord.\n"
                                         "June 3, 2019\n",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2018-05-01");
    assert_string_equal(a.text, "Klow signed the accord.\n");
    rn_article_release(&a);
    /* a sentence starting with "Date" is not a prefix */
    assert_int_equal(ingest_str("d.txt", "Date palms were banned by Klow in 2019.\n", &a, &err),
                     RN_OK);
    assert_null(a.date);
    assert_string_equal(a.text, "Date palms were banned by Klow in 2019.\n");
    rn_article_release(&a);
}

/* Datelines and URL dates, when no metadata dates the page. */
static void test_datelines(void **state)
{
    (void)state;
    char d[11];
    static const char *const with_year[] = {
        "KLOW, March 3, 2021 (Wirenews) - Szohod banned the radio.",
        "NEW ZALOGRAD, 3 March 2021 \xE2\x80\x94 Szohod banned the radio.",
        "Port Elbow, Mar. 3, 2021: Szohod banned the radio.",
    };
    for (size_t i = 0; i < sizeof with_year / sizeof with_year[0]; i++) {
        assert_true(rn_ingest_dateline(with_year[i], strlen(with_year[i]), 0, d));
        assert_string_equal(d, "2021-03-03");
    }
    static const char *const no_year[] = {
        "KLOW, Sept. 12 (Wirenews) -- Szohod banned the radio.",
        "United Elbows, Sept 12 (EFE).- Szohod banned the radio.",
        "KLOW, September 12th \xE2\x80\x93 Szohod banned the radio.",
    };
    for (size_t i = 0; i < sizeof no_year / sizeof no_year[0]; i++) {
        assert_false(rn_ingest_dateline(no_year[i], strlen(no_year[i]), 0, d));
        assert_true(rn_ingest_dateline(no_year[i], strlen(no_year[i]), 2019, d));
        assert_string_equal(d, "2019-09-12");
    }
    static const char *const not_datelines[] = {
        "Szohod, March 3 was the day the radio was banned.", /* no dash after the date */
        "in Klow, March 3 (Wirenews) - nothing",              /* a place is capitalised */
        "the radio, March 3 - banned",
        "KLOW - Szohod banned the radio on March 3, 2021.",
        "KLOW, Marchy 3 - banned",
        "KLOW, February 30 (Wirenews) - banned",
        "One Two Three Four Five, March 3, 2021 - banned",
    };
    for (size_t i = 0; i < sizeof not_datelines / sizeof not_datelines[0]; i++)
        assert_false(rn_ingest_dateline(not_datelines[i], strlen(not_datelines[i]), 2019, d));
    /* the place alone: every dateline has one; a line without one is no
       dateline whatever the year */
    for (size_t i = 0; i < sizeof with_year / sizeof with_year[0]; i++)
        assert_true(rn_ingest_dateline_place(with_year[i], strlen(with_year[i])));
    for (size_t i = 0; i < sizeof no_year / sizeof no_year[0]; i++)
        assert_true(rn_ingest_dateline_place(no_year[i], strlen(no_year[i])));
    assert_true(rn_ingest_dateline_place(not_datelines[0], strlen(not_datelines[0])));
    for (size_t i = 1; i < 4; i++)
        assert_false(rn_ingest_dateline_place(not_datelines[i], strlen(not_datelines[i])));

    int year;
    static const char *const urls[][2] = {
        { "https://news.example/2018/10/04/klow-bans-radio", "2018-10-04" },
        { "http://news.example/content/2018-08-23/abc.html", "2018-08-23" },
        { "http://news.example/n3/2020/0912/c9-97.html", "2020-09-12" },
        { "http://news.example/World/2016/Dec-30/387-klow.ashx", "2016-12-30" },
        { "https://news.example/article/2012-08-24-klow-banned/", "2012-08-24" },
        { "https://news.example/en/news/20210527_25/", "2021-05-27" },
    };
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        assert_true(rn_ingest_url_date(urls[i][0], d, &year));
        assert_string_equal(d, urls[i][1]);
        assert_int_equal(year, atoi(urls[i][1]));
    }
    assert_false(rn_ingest_url_date("https://news.example/2014/08/klow-bans/", d, &year));
    assert_int_equal(year, 2014);
    static const char *const undated[] = {
        "https://2018.example/10/04/x",               /* the host is no date */
        "https://news.example/id/28257518/klow",      /* an id, no year 2825 */
        "https://news.example/2018/13/04/x",          /* no month 13 */
        "https://news.example/2019/02/30/x",          /* no 30 February */
        "https://news.example/a/x20180304y",          /* not standing alone */
        "https://news.example/1850/03/04/x",          /* outside 1990-2039 */
    };
    for (size_t i = 0; i < sizeof undated / sizeof undated[0]; i++)
        assert_false(rn_ingest_url_date(undated[i], d, NULL));
}

/* A sentence's own date, read against its article's (2021-03-05, a
 * Friday). */
static void test_sentence_dates(void **state)
{
    (void)state;
    static const char *const dated[][3] = {
        /* sentence, article date ("" = unknown), the day it says */
        { "Klow banned the radio on March 3, 2021.", "2021-03-05", "2021-03-03" },
        { "Klow banned the radio on 3 March 2021.", "2021-03-05", "2021-03-03" },
        { "Klow banned the radio on 2021-03-03.", "2021-03-05", "2021-03-03" },
        { "On Tuesday, March 2, 2021, Klow banned the radio.", "2021-03-05", "2021-03-02" },
        { "Klow banned the radio on March 3, 2021.", "", "2021-03-03" },
        { "Klow banned the radio on March 3, 2020.", "2021-03-05", "2020-03-03" },
        { "Klow signs the statement (Wirenews photo) Jan 21, 2021", "2021-03-05", "2021-01-21" },
        /* a month and day: the year that puts it not far after the article */
        { "Klow banned the radio on March 3.", "2021-03-05", "2021-03-03" },
        { "On 3rd March Klow banned the radio.", "2021-03-05", "2021-03-03" },
        { "Klow banned the radio on Dec. 28.", "2021-03-05", "2020-12-28" },
        { "Klow banned the radio on Sept. 12.", "2021-03-05", "2020-09-12" },
        { "Klow banned the radio on Dec. 30.", "2021-01-02", "2020-12-30" },
        /* weekdays: the latest on or before the article's date */
        { "Klow banned the radio on Wednesday.", "2021-03-05", "2021-03-03" },
        { "Klow said Friday it had banned the radio.", "2021-03-05", "2021-03-05" },
        { "Klow banned the radio last Friday.", "2021-03-05", "2021-02-26" },
        { "Klow banned the radio last Wednesday.", "2021-03-05", "2021-03-03" },
        { "Klow banned the radio on Thursday night.", "2021-01-02", "2020-12-31" },
        { "Klow banned the radio yesterday.", "2021-03-05", "2021-03-04" },
        { "Today Klow bans the radio.", "2021-03-05", "2021-03-05" },
        /* mentions that agree */
        { "Klow banned the radio on Wednesday, March 3.", "2021-03-05", "2021-03-03" },
        { "On March 3, 2021, Klow banned the radio, its second ban in 2021.", "2021-03-05",
          "2021-03-03" },
        { "Klow banned the radio in March, on Wednesday.", "2021-03-05", "2021-03-03" },
        /* an article dated in another time zone */
        { "Klow banned the radio on March 6, 2021.", "2021-03-05", "2021-03-06" },
        /* ordinals */
        { "Klow banned the radio on March 3rd.", "2021-03-05", "2021-03-03" },
        { "Klow banned the radio on the 2nd of March.", "2021-03-05", "2021-03-02" },
        { "On the 21st of December, Klow banned the radio.", "2021-03-05", "2020-12-21" },
        { "Klow banned the radio on the 1st of March, 2021.", "2021-03-05", "2021-03-01" },
        { "Klow banned the radio on the 4th of March 2020.", "2021-03-05", "2020-03-04" },
        /* days before the article's date */
        { "Klow banned the radio three days ago.", "2021-03-05", "2021-03-02" },
        { "Klow banned the radio 10 days ago.", "2021-03-05", "2021-02-23" },
        { "Klow banned the radio a week ago.", "2021-03-05", "2021-02-26" },
        { "Klow banned the radio two weeks ago.", "2021-03-05", "2021-02-19" },
        { "Klow banned the radio TWO WEEKS AGO.", "2021-03-05", "2021-02-19" },
        { "Klow bans the radio tonight.", "2021-03-05", "2021-03-05" },
        { "A day ago Klow banned the radio.", "2021-03-05", "2021-03-04" },
        { "Klow banned the radio a week ago, last Friday.", "2021-03-05", "2021-02-26" },
        /* the future tense: the next such day on or after the article's */
        { "Klow will vote on Tuesday.", "2021-03-05", "2021-03-09" },
        { "Klow will vote on Friday.", "2021-03-05", "2021-03-05" },
        { "Klow is due to sign the ban on Monday.", "2021-03-05", "2021-03-08" },
        { "Klow plans to ban the radio Thursday.", "2021-03-05", "2021-03-11" },
        { "Will Klow ban the radio on Sunday?", "2021-03-05", "2021-03-07" },
        { "Klow won't lift the ban until Wednesday.", "2021-03-05", "2021-03-10" },
        { "Klow will vote on March 9.", "2021-03-05", "2021-03-09" },
        { "Klow will vote on the 2nd of January.", "2021-03-05", "2022-01-02" },
        { "Klow will ban the radio on March 20, 2021.", "2021-03-05", "2021-03-20" },
        /* a future tense in another clause, or "last": the past one */
        { "Klow, which will hold a vote soon, banned the radio on Monday.", "2021-03-05",
          "2021-03-01" },
        { "Klow will vote after Szohod banned the radio on Monday.", "2021-03-05", "2021-03-01" },
        { "Klow will fine the radio it banned last Wednesday.", "2021-03-05", "2021-03-03" },
        { "Klow honours the will of voters it polled on Tuesday.", "2021-03-05", "2021-03-02" },
    };
    char d[11];
    for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++) {
        const char *s = dated[i][0], *article = dated[i][1][0] ? dated[i][1] : NULL;
        if (!rn_ingest_sentence_date(s, strlen(s), article, d))
            fail_msg("no date read from '%s'", s);
        if (strcmp(d, dated[i][2]) != 0)
            fail_msg("'%s' read as %s, not %s", s, d, dated[i][2]);
    }
    static const char *const undated[][2] = {
        { "Klow banned the radio.", "2021-03-05" },
        { "Klow banned the radio in 2019.", "2021-03-05" },     /* a year is no day */
        { "Klow banned the radio in March.", "2021-03-05" },    /* nor a month */
        { "Theresa May said Klow banned the radio.", "2021-03-05" },
        { "Klow banned the radio on Monday after a ban on Tuesday.", "2021-03-05" },
        { "On March 3, 2021, Klow banned the radio it had fined in May 2019.", "2021-03-05" },
        { "Klow banned the radio on Wednesday, as it did in 2019.", "2021-03-05" },
        { "Klow banned the June 4 vigil.", "2021-03-05" },      /* a date naming something */
        { "Klow banned the radio the March 3, 2021 law names.", "2021-03-05" },
        { "Klow will ban the radio next Monday.", "2021-03-05" },
        { "Klow banned the radio two years ago on Tuesday.", "2021-03-05" },
        { "Klow banned the radio on March 20, 2021.", "2021-03-05" }, /* not yet */
        { "Klow bans the radio from April 1.", "2021-03-05" },
        { "Klow banned the radio on Wednesday.", "" },         /* which Wednesday? */
        { "Klow banned the radio on March 3.", "" },
        { "Klow banned the radio on Black Friday.", "2021-03-05" },
        { "USA Today says Klow banned the radio.", "2021-03-05" },
        { "Klow banned the radio on February 29.", "2021-03-05" },
        { "Klow banned 5G radios and 3.5 GHz bands, 1,000 sets in all.", "2021-03-05" },
        { "Klow banned the radio last year on Wednesday.", "2021-03-05" },
        /* ordinals that do not date the act, or no day */
        { "Klow banned the radio the 3rd of March law names.", "2021-03-05" },
        { "Klow must ban the radio by the 3rd of March.", "2021-03-05" },
        { "Klow banned the radio on the 30th of February.", "2021-03-05" },
        { "Klow banned 3 of March's radios.", "2021-03-05" },
        /* counts of days that are vague, not days, or have no date to count from */
        { "Klow banned the radio a few days ago.", "2021-03-05" },
        { "Klow banned the radio about a week ago.", "2021-03-05" },
        { "Klow banned the radio more than two weeks ago.", "2021-03-05" },
        { "Klow banned the radio a week and two days ago.", "2021-03-05" },
        { "Klow banned the radio two or three days ago.", "2021-03-05" },
        { "Klow banned the radio a week or two ago.", "2021-03-05" },
        { "Klow banned the radio two months ago.", "2021-03-05" },
        /* an "ago" that dates another event than the act */
        { "Klow has banned the radio in reply to the raid two weeks ago.", "2021-03-05" },
        { "Klow banned the radio after the raid on its office, three days ago.", "2021-03-05" },
        { "Klow banned the radio three days ago.", "" },
        { "Klow banned the radio three days ago on Friday.", "2021-03-05" }, /* disagree */
        /* future tenses that leave the day unclear */
        { "Klow said it would ban the radio on Tuesday.", "2021-03-05" },
        { "Klow was due to ban the radio on Tuesday.", "2021-03-05" },
        { "Klow will vote on Tuesday and banned the radio on Monday.", "2021-03-05" },
        { "Klow said on Monday it will ban the radio on Tuesday.", "2021-03-05" },
        { "Klow will vote on March 1, 2021.", "2021-03-05" }, /* past: which is it? */
        { "Klow will ban the radio two days ago.", "2021-03-05" },
        { "Klow will ban the radio on Tuesday.", "" },
    };
    for (size_t i = 0; i < sizeof undated / sizeof undated[0]; i++) {
        const char *s = undated[i][0], *article = undated[i][1][0] ? undated[i][1] : NULL;
        if (rn_ingest_sentence_date(s, strlen(s), article, d))
            fail_msg("'%s' read as %s", s, d);
    }
    /* the sentence is s[0..n), not up to a NUL */
    const char *s = "Klow banned the radio. On March 3, 2021 Szohod did.";
    assert_false(rn_ingest_sentence_date(s, 22, "2021-03-05", d));
}

/* A yearless dateline's year from the full dates the article writes. */
static void test_dateline_year_vote(void **state)
{
    (void)state;
    int year = 0;
    const char *line = "Klow said on March 1, 2019 that it would ban the radio.";
    rn_ingest_year_vote(line, strlen(line), 3, 3, &year);
    assert_int_equal(year, 2019);
    line = "Szohod answered on 2 March 2019.";
    rn_ingest_year_vote(line, strlen(line), 3, 3, &year);
    assert_int_equal(year, 2019);
    /* across the new year: a dateline of 2 January after 30 December */
    year = 0;
    line = "The ban of December 30, 2020 stands.";
    rn_ingest_year_vote(line, strlen(line), 1, 2, &year);
    assert_int_equal(year, 2021);
    /* dates that disagree: no year */
    line = "Klow first banned it on May 5, 2015.";
    rn_ingest_year_vote(line, strlen(line), 1, 2, &year);
    assert_int_equal(year, -1);
    /* no full date: nothing known */
    year = 0;
    line = "Klow banned the radio on Monday, in March, in 2019.";
    rn_ingest_year_vote(line, strlen(line), 3, 3, &year);
    assert_int_equal(year, 0);
}

/* How ingest picks the article's date: metadata first, then a dateline
 * with its year, then the URL, then a dateline the URL's year completes. */
static void test_article_date_sources(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("d.txt", "URL: https://n.example/2019/05/06/x\n\n"
                                         "KLOW, March 3, 2021 (Wirenews) - Szohod banned it.\n",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2021-03-03");
    /* the dateline stays in the text: it is the first sentence's start */
    assert_string_equal(a.text, "KLOW, March 3, 2021 (Wirenews) - Szohod banned it.\n");
    rn_article_release(&a);
    assert_int_equal(ingest_str("d.txt", "URL: https://n.example/2019/05/06/x\n\n"
                                         "KLOW, March 3 (Wirenews) - Szohod banned it.\n",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2019-05-06");
    rn_article_release(&a);
    assert_int_equal(ingest_str("d.txt", "URL: https://n.example/2019/05/x\n\n"
                                         "KLOW, March 3 (Wirenews) - Szohod banned it.\n",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2019-03-03");
    rn_article_release(&a);
    assert_int_equal(ingest_str("d.txt", "URL: https://n.example/x\n\n"
                                         "KLOW, March 3 (Wirenews) - Szohod banned it.\n",
                                &a, &err),
                     RN_OK);
    assert_null(a.date);
    rn_article_release(&a);
    /* no year in the metadata: the year the article's full dates agree on */
    assert_int_equal(ingest_str("d.txt", "URL: https://n.example/x\n\n"
                                         "KLOW, March 3 (Wirenews) - Szohod banned it.\n"
                                         "Klow had warned on February 26, 2021 that it would.\n",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2021-03-03");
    rn_article_release(&a);
    assert_int_equal(ingest_str("d.txt", "URL: https://n.example/x\n\n"
                                         "KLOW, March 3 (Wirenews) - Szohod banned it.\n"
                                         "Klow had warned on February 26, 2021 that it would.\n"
                                         "Szohod first banned it on 4 July 2015.\n",
                                &a, &err),
                     RN_OK);
    assert_null(a.date); /* two years: none is guessed */
    rn_article_release(&a);
    /* a " date" prefix beats them all */
    assert_int_equal(ingest_str("d.txt", "URL: https://n.example/2019/05/06/x\n\n"
                                         " date 2018-01-02 KLOW, March 3, 2021 - Szohod banned it.\n",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2018-01-02");
    rn_article_release(&a);
    /* date lines with a clock time, or between '|' segments */
    static const char *const lines[] = {
        "Published 9:58 am Thursday, August 7, 2014\n",
        "Policy and laws | 7 August 2014\n",
        "Aug 7, 2014 | WIRENEWS\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        char text[200];
        snprintf(text, sizeof text, "Szohod bans radio stations\n%sKlow banned the radio.\n",
                 lines[i]);
        assert_int_equal(ingest_str("d.txt", text, &a, &err), RN_OK);
        assert_string_equal(a.date, "2014-08-07");
        assert_string_equal(a.text, "Szohod bans radio stations\nKlow banned the radio.\n");
        rn_article_release(&a);
    }
    /* a line with a date and more than a few words is a sentence */
    assert_int_equal(ingest_str("d.txt", "Klow banned the radio | on 7 August 2014\n", &a, &err),
                     RN_OK);
    assert_null(a.date);
    rn_article_release(&a);
    /* JSON-LD read as JSON: the article inside "@graph", not a string that
       merely contains the key */
    assert_int_equal(ingest_str("p.html",
                                "<html><head><script type=\"application/ld+json\">"
                                "{\"@context\":\"https://schema.org\",\"description\":"
                                "\"\\\"datePublished\\\": \\\"1999-01-01\\\"\",\"@graph\":["
                                "{\"@type\":\"WebSite\",\"name\":\"Klow News\"},"
                                "{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-02-03T04:05:06Z\"}]}"
                                "</script></head><body><p>Szohod signed.</p></body></html>",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2020-02-03");
    rn_article_release(&a);
    /* JSON-LD that is not JSON is ignored; the page still has its <time> */
    assert_int_equal(ingest_str("p.html",
                                "<html><head><script type=\"application/ld+json\">"
                                "{\"datePublished\": \"2020-02-03\"</script></head><body>"
                                "<p>Szohod signed.</p><time datetime=\"2015-05-06\">May</time>"
                                "</body></html>",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2015-05-06");
    rn_article_release(&a);
}

/* --- HTML ------------------------------------------------------------------- */

static void test_html_fixture(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_file(fixture("article.html"), NULL, &a, &err), RN_OK);
    assert_string_equal(a.id, "article");
    assert_string_equal(a.title, "Syldavia accuses Borduria of cyber espionage");
    assert_string_equal(a.url, "https://example.com/world/syldavia-borduria");
    assert_string_equal(a.date, "2022-11-03");
    assert_has_line(&a, "Syldavia accuses Borduria of cyber espionage");
    /* white space collapsed, entities decoded (nbsp and mdash kept as such) */
    assert_has_line(&a, "The government of Syldavia on Thursday accused Borduria of breaking "
                        "into the networks of its foreign ministry\xC2\xA0\xE2\x80\x94 a charge "
                        "Borduria denied.");
    assert_has_line(&a, "\xE2\x80\x9CWe have clear evidence,\xE2\x80\x9D said Dr. Ivan Petrov, "
                        "head of the agency. The ministry\xE2\x80\x99s statement named two units "
                        "& a contractor.");
    assert_has_line(&a, "Syldavian officials brief reporters in Klow.");
    assert_has_line(&a, "Borduria rejects these groundless accusations.");
    assert_has_line(&a, "The first claim concerns e-mail servers.");
    assert_has_line(&a, "The second claim concerns the ministry's cloud.");
    /* <br> ends a line */
    assert_has_line(&a, "The agency said it had shared its findings with Caf\xC3\xA9 Europa "
                        "partners.");
    assert_has_line(&a, "A report will follow.");
    const char *gone[] = { "Tracking script", "color: red", "Home", "Politics", "cookie",
                           "By Ana Example", "Facebook", "hidden paragraph", "Enable JavaScript",
                           "newsletter", "Sign up", "Related", "cyber pact", "Template text",
                           "SVG text", "All rights reserved", "desk@example.com",
                           "4 November 2022", "Example Times" };
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_no_text(&a, gone[i]);
    assert_true(a.boilerplate_lines >= 6);
    rn_article_release(&a);
}

static void test_html_metadata_fallbacks(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    /* <title> without og:title, og:url without canonical, <meta name=date> */
    assert_int_equal(ingest_str("p.html",
                                "<html><head><title> Klow  bans radios </title>"
                                "<meta name=\"date\" content=\"2017-08-09\">"
                                "<meta property=\"og:url\" content=\"https://k.example/r\">"
                                "</head><body><p>Klow banned radios.</p></body></html>",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.title, "Klow bans radios");
    assert_string_equal(a.url, "https://k.example/r");
    assert_string_equal(a.date, "2017-08-09");
    rn_article_release(&a);
    /* JSON-LD datePublished, then <time datetime> */
    assert_int_equal(ingest_str("p.html",
                                "<html><head><script type=\"application/ld+json\">"
                                "{\"@type\":\"NewsArticle\",\"datePublished\": \"2016-01-02T03:04\"}"
                                "</script></head><body><p>Szohod signed.</p></body></html>",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2016-01-02");
    assert_string_equal(a.text, "Szohod signed.\n");
    rn_article_release(&a);
    assert_int_equal(ingest_str("p.htm",
                                "<p>Szohod signed.</p><time datetime=\"2015-05-06\">May</time>",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.date, "2015-05-06");
    rn_article_release(&a);
}

/* A container that holds most of the page stays, whatever its class says. */
static void test_html_big_flagged_container_kept(void **state)
{
    (void)state;
    const char *page = "<html><body><div class=\"layout has-sidebar\">"
                       "<p>Klow accused Szohod of poisoning the river on Monday evening.</p>"
                       "<p>Szohod rejected the claim and called for an inquiry.</p>"
                       "<div class=\"sidebar\">Most read</div></div></body></html>";
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("big.html", page, &a, &err), RN_OK);
    assert_has_line(&a, "Klow accused Szohod of poisoning the river on Monday evening.");
    assert_no_text(&a, "Most read");
    rn_article_release(&a);
}

static void test_html_sniffed_on_stdin(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("-", "\n  <!DOCTYPE html><html><body><p>Klow &amp; Szohod "
                                     "sign.</p><script>x()</script></body></html>",
                                &a, &err),
                     RN_OK);
    assert_string_equal(a.id, "stdin");
    assert_string_equal(a.path, "-");
    assert_string_equal(a.text, "Klow & Szohod sign.\n");
    rn_article_release(&a);
    /* text on stdin stays text, markup-like characters and all */
    assert_int_equal(ingest_str("-", "Klow <3 Szohod.\n", &a, &err), RN_OK);
    assert_string_equal(a.text, "Klow <3 Szohod.\n");
    rn_article_release(&a);
    /* an explicit format wins over the extension */
    struct rn_ingest_options opt = { RN_INGEST_HTML, 0, NULL };
    assert_int_equal(rn_ingest_memory("x.txt", "<b>Klow</b> wins.", 17, &opt, &a, &err), RN_OK);
    assert_string_equal(a.text, "Klow wins.\n");
    rn_article_release(&a);
}

static void test_html_legacy_charset(void **state)
{
    (void)state;
    const char *page = "<html><head><meta charset=\"iso-8859-1\"></head>"
                       "<body><p>Caf\xE9 owners in Klow protest.</p></body></html>";
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str("l.html", page, &a, &err), RN_OK);
    assert_string_equal(a.text, "Caf\xC3\xA9 owners in Klow protest.\n");
    assert_int_equal(a.invalid_utf8, 0);
    rn_article_release(&a);
}

static void test_html_deep_nesting_and_garbage(void **state)
{
    (void)state;
    size_t depth = 20000;
    char *page = malloc(depth * 11 + 64);
    assert_non_null(page);
    size_t n = 0;
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(page + n, "<div><span>");
    n += (size_t)sprintf(page + n, "Deep text here.");
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_memory("deep.html", page, n, NULL, &a, &err), RN_OK);
    assert_non_null(strstr(a.text, "Deep text here."));
    rn_article_release(&a);
    free(page);
    /* unclosed tags, stray brackets, broken entities */
    const char *junk = "<html><p>Klow &bogus; signs <b>the <i>pact</p></b><<>>&#xZZ; <p "
                       "class=\"x\nmenu\">done";
    int rc = ingest_str("junk.html", junk, &a, &err);
    assert_true(rc == RN_OK || rc == RN_EINPUT);
    rn_article_release(&a);
}

/* libxml2 stops at 256 nested elements unless told otherwise: 300 unclosed
   <b> or nested <div> must keep the text inside and after them. */
static void test_html_nested_300(void **state)
{
    (void)state;
    const char *tags[][2] = { { "<b>", "" }, { "<div>", "</div>" } };
    for (size_t t = 0; t < 2; t++) {
        struct rn_buf page = RN_BUF_INIT;
        rn_buf_adds(&page, "<html><body><p>Klow opened the talks on Monday.</p>");
        for (int i = 0; i < 300; i++)
            rn_buf_adds(&page, tags[t][0]);
        rn_buf_adds(&page, "Lind banned the imports of grain from Klow.");
        for (int i = 0; i < 300; i++)
            rn_buf_adds(&page, tags[t][1]);
        rn_buf_adds(&page, "<p>Both sides met again in May.</p></body></html>");
        struct rn_article a = RN_ARTICLE_INIT;
        struct rn_err err = RN_ERR_INIT;
        assert_int_equal(rn_ingest_memory("n.html", page.data, page.len, NULL, &a, &err), RN_OK);
        assert_non_null(strstr(a.text, "Klow opened the talks"));
        assert_non_null(strstr(a.text, "Lind banned the imports"));
        assert_non_null(strstr(a.text, "Both sides met again"));
        rn_article_release(&a);
        rn_buf_release(&page);
    }
}

/* When libxml2 stops before the end of a page, the file is an error that
   says so, not a shorter article: here bytes that are not Shift_JIS in a
   page that declares it. */
static void test_html_parse_stopped_reported(void **state)
{
    (void)state;
    const char page[] = "<html><head><meta charset=\"Shift_JIS\"></head><body>"
                        "<p>Klow opened the talks.</p><p>\xff\xfe\x80 broken</p>"
                        "<p>Lind banned the imports.</p></body></html>";
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_memory("sj.html", page, sizeof page - 1, NULL, &a, &err),
                     RN_EINPUT);
    if (!strstr(err.msg, "bytes of the page were not read"))
        print_error("got: %s\n", err.msg);
    assert_non_null(strstr(err.msg, "sj.html: line 1: the HTML parser stopped ("));
    assert_non_null(strstr(err.msg, "bytes of the page were not read"));
    rn_article_release(&a);
}

/* --- bad input ---------------------------------------------------------------- */

static void test_invalid_utf8_replaced(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    const char raw[] = "\xEF\xBB\xBF" "Klow bans Sz\xF6hod radio.\nBad \xC3 end \xFF\xFE.\n";
    assert_int_equal(rn_ingest_memory("u.txt", raw, sizeof raw - 1, NULL, &a, &err), RN_OK);
    assert_int_equal(a.invalid_utf8, 4);
    assert_int_equal(a.first_invalid_offset, 15); /* counted in the raw bytes, BOM included */
    assert_string_equal(a.text, "Klow bans Sz\xEF\xBF\xBDhod radio.\nBad \xEF\xBF\xBD end "
                                "\xEF\xBF\xBD\xEF\xBF\xBD.\n");
    rn_article_release(&a);
}

static void test_binary_rejected(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    const char nul[] = "Klow signs.\0\x01\x02";
    assert_int_equal(rn_ingest_memory("x.txt", nul, sizeof nul - 1, NULL, &a, &err), RN_EINPUT);
    assert_string_equal(err.msg, "x.txt: binary file (NUL byte at offset 11)");
    assert_null(a.text);
    assert_null(a.path);
    char ctl[200];
    for (size_t i = 0; i < sizeof ctl; i++)
        ctl[i] = (i % 3 == 0) ? '\x07' : 'a';
    assert_int_equal(rn_ingest_memory("c.txt", ctl, sizeof ctl, NULL, &a, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "c.txt: binary file"));
    assert_int_equal(rn_ingest_memory("w.txt", "\xFF\xFEK\0l\0", 6, NULL, &a, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "UTF-16"));
    /* one stray control byte is not binary: it becomes a space */
    assert_int_equal(ingest_str("b.txt", "Klow\x07signs the pact.", &a, &err), RN_OK);
    assert_string_equal(a.text, "Klow signs the pact.\n");
    rn_article_release(&a);
}

/* Plain bytes are skipped eight at a time: a control byte or DEL at any
   place of a block still becomes a space, and a non-ASCII letter stays. */
static void test_odd_bytes_at_every_offset(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    static const char line[] = "Klow signs the steel pact with Szohod today.";
    static const char *const odd[] = { "\x07", "\x7F", "\x1F" };
    for (size_t k = 1; k + 2 < sizeof line - 1; k++) {
        for (size_t o = 0; o < sizeof odd / sizeof odd[0]; o++) {
            char in[64], want[64];
            memcpy(in, line, sizeof line);
            in[k] = odd[o][0];
            memcpy(want, line, sizeof line);
            want[k] = ' ';
            strcat(want, "\n");
            assert_int_equal(ingest_str("o.txt", in, &a, &err), RN_OK);
            assert_string_equal(a.text, want);
            rn_article_release(&a);
        }
        char in[80];
        snprintf(in, sizeof in, "%.*s\xC3\xA9%s", (int)k, line, line + k);
        assert_int_equal(ingest_str("e.txt", in, &a, &err), RN_OK);
        strcat(in, "\n");
        assert_string_equal(a.text, in);
        rn_article_release(&a);
    }
}

static void test_empty_articles(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_memory("e.txt", "", 0, NULL, &a, &err), RN_EINPUT);
    assert_string_equal(err.msg, "e.txt: empty article");
    assert_int_equal(ingest_str("s.txt", " \n\t\r\n  \n", &a, &err), RN_EINPUT);
    assert_string_equal(err.msg, "s.txt: empty article");
    assert_int_equal(ingest_str("b.txt", "Advertisement\nShare this article\n\xC2\xA9 2020 Acme\n",
                                &a, &err),
                     RN_EINPUT);
    assert_string_equal(err.msg, "b.txt: empty article");
    assert_int_equal(ingest_str("h.html", "<html><script>only()</script><nav>Home</nav></html>",
                                &a, &err),
                     RN_EINPUT);
    assert_string_equal(err.msg, "h.html: empty article");
    assert_int_equal(ingest_str("u.txt", "URL: https://x.example/\n\n", &a, &err), RN_EINPUT);
    assert_null(a.url);
    assert_int_equal(rn_ingest_file("/nonexistent/dir/a.txt", NULL, &a, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "cannot open /nonexistent/dir/a.txt"));
}

static void test_huge_single_line(void **state)
{
    (void)state;
    size_t n = 5u << 20;
    char *big = malloc(n);
    assert_non_null(big);
    static const char unit[] = "Klow accuses Szohod of dumping steel. ";
    for (size_t i = 0; i < n; i++)
        big[i] = unit[i % (sizeof unit - 1)];
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_memory("big.txt", big, n, NULL, &a, &err), RN_OK);
    assert_true(a.len >= n - 64);
    struct rn_sentences s = RN_SENTENCES_INIT;
    assert_int_equal(rn_sentence_split(a.text, a.len, &s), RN_OK);
    assert_true(s.len >= n / sizeof unit);
    rn_sentences_release(&s);
    rn_article_release(&a);
    /* as HTML too */
    memcpy(big, "<p>", 3);
    assert_int_equal(rn_ingest_memory("big.html", big, n, NULL, &a, &err), RN_OK);
    assert_true(a.len >= n - 64);
    rn_article_release(&a);
    free(big);
}

static void test_crlf_and_bom(void **state)
{
    (void)state;
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_file(fixture("crlf_bom.txt"), NULL, &a, &err), RN_OK);
    assert_string_equal(a.url, "https://example.net/crlf");
    assert_string_equal(a.text, "Syldavia signs the treaty.\nBorduria refuses\nto sign it.\n");
    assert_int_equal(a.invalid_utf8, 0);
    assert_null(strchr(a.text, '\r'));
    rn_article_release(&a);
}

/* --- rules, corpus statistics, directories ------------------------------------ */

static char *temp_file(const char *content)
{
    char *path = strdup("/tmp/relnet-test-ingest-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    close(fd);
    return path;
}

static void test_rules_file(void **state)
{
    (void)state;
    char *path = temp_file("# custom\nline\tbreaking news\nprefix\tpromo code\t6\n"
                           "contains\tlive blog\t5\nclass\tpromo\n");
    struct rn_boiler_rules *rules = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_boiler_rules_load(path, &rules, &err), RN_OK);
    struct rn_ingest_options opt = { RN_INGEST_AUTO, 0, rules };
    struct rn_article a = RN_ARTICLE_INIT;
    const char *text = "BREAKING NEWS:\nPromo code KLOW saves ten percent\n"
                       "Follow our live blog now\nAdvertisement\n"
                       "Promo codes were banned by Klow in a decree issued on Monday.\n";
    assert_int_equal(rn_ingest_memory("r.txt", text, strlen(text), &opt, &a, &err), RN_OK);
    /* the file replaces the built-in list: "Advertisement" stays */
    assert_string_equal(a.text, "Advertisement\nPromo codes were banned by Klow in a decree "
                                "issued on Monday.\n");
    rn_article_release(&a);
    rn_boiler_rules_free(rules);
    unlink(path);
    free(path);

    const char *bad[][2] = {
        { "line\tok\nregex\tx+\n", ":2: unknown kind 'regex'" },
        { "contains\tcookie\n", ":1: a contains rule needs MAX_WORDS" },
        { "prefix\tread\tmany\n", ":1: MAX_WORDS must be a number" },
        { "class\tshare-bar\n", ":1: a class token is letters and digits only" },
        { "line\t\n", ":1: expected a phrase" },
        { "# no tab:\nline\n", ":2: expected KIND<TAB>PHRASE" },
        { "class\n", ":1: expected KIND<TAB>PHRASE" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        path = temp_file(bad[i][0]);
        assert_int_equal(rn_boiler_rules_load(path, &rules, &err), RN_EINPUT);
        assert_null(rules);
        if (!strstr(err.msg, bad[i][1]))
            print_error("got: %s\n", err.msg);
        assert_non_null(strstr(err.msg, bad[i][1]));
        unlink(path);
        free(path);
    }
    assert_int_equal(rn_boiler_rules_load("/nonexistent/b.tsv", &rules, &err), RN_EINPUT);
    rn_boiler_rules_free(NULL);
}

/* Does the line "Kelpex", k letters, then tail (words words) match rules? */
static int match_after_letters(const struct rn_boiler_rules *rules, int k, const char *tail,
                               size_t words)
{
    char line[200];
    snprintf(line, sizeof line, "Kelpex %.*s %s", k,
             "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", tail);
    return rn_boiler_rules_match_line(rules, line, strlen(line), words);
}

/* The matcher indexes its rules (by first byte, contains rules by their
   word limits); each kind must still match where it did, and only there. */
static void test_rules_matching(void **state)
{
    (void)state;
    char *path = temp_file("line\tbreaking news\nline\t# comments\nprefix\t# min read\t6\n"
                           "prefix\tread more\t5\ncontains\tlive blog\t5\n"
                           "contains\tcookies are used\t30\ncontains\tcookie settings\t10\n");
    struct rn_boiler_rules *rules = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_boiler_rules_load(path, &rules, &err), RN_OK);
    const struct {
        const char *line;
        size_t words;
        int match;
    } cases[] = {
        { "Breaking News:", 2, 1 },       /* a line rule, case and ':' folded */
        { "Breaking news today", 3, 0 },  /* not the whole line */
        { "12 Comments", 2, 1 },          /* '#' first: any number */
        { "Comments", 1, 0 },
        { "4 min read | Policy", 5, 1 },  /* a '#' prefix */
        { "Read more: the ban", 4, 1 },   /* a prefix within its word limit */
        { "Read more about the ban on Klow in the decree", 10, 0 }, /* beyond it */
        { "Follow our live blog", 4, 1 }, /* contains, at a word start */
        { "Follow our olive blog", 4, 0 }, /* not at a word start */
        { "On this site, cookies are used", 6, 1 },
        { "On this site, cookies are used", 30, 1 },
        { "On this site, cookies are used", 31, 0 }, /* the words given count */
        { "Open cookie settings", 3, 1 },  /* 'c': past the 30-word rule to the 10-word one */
        { "Open cookie settings", 11, 0 }, /* ... which a longer line does not reach */
        /* words of 16 bytes and more are folded 16 bytes at a step */
        { "Kelpexcorporationholdings Live Blog", 3, 1 },
        { "Kelpexcorporationholdingslive blog", 2, 0 },
        { "KELPEXCORPORATIONHOLDINGSGROUPINC, COOKIES ARE USED", 5, 1 },
        { "Breaking Newsletterofthekelpexcorporation", 2, 0 },
        { "", 0, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = rn_boiler_rules_match_line(rules, cases[i].line, strlen(cases[i].line),
                                             cases[i].words);
        if (got != cases[i].match)
            print_error("'%s' (%zu words): got %d\n", cases[i].line, cases[i].words, got);
        assert_int_equal(got, cases[i].match);
    }
    /* a contains rule's words at every place of a 16-byte step of the key
       (word starts are found, plain prose folded, 16 bytes at a time), and
       in a long key */
    for (int k = 0; k < 40; k++) {
        assert_true(match_after_letters(rules, k, "said: live blog", 5));
        assert_false(match_after_letters(rules, k, "said: olive blog", 5));
        assert_true(match_after_letters(rules, k, "Live  BLOG", 4));
        assert_false(match_after_letters(rules, k, "Liv e blog", 5));
        char line[600];
        size_t n = (size_t)snprintf(line, sizeof line, "%.*s", k, "abcdefghijklmnopqrstuvwxyz");
        while (n + 8 < 480)
            n += (size_t)snprintf(line + n, sizeof line - n, " word%zu", n % 10);
        snprintf(line + n, sizeof line - n, " cookies are used");
        assert_true(rn_boiler_rules_match_line(rules, line, strlen(line), 30));
        /* spaces before, between and after words fold as byte by byte */
        snprintf(line, sizeof line, "%.*sBreaking  News %.*s", k, "                                        ",
                 k, "                                        ");
        assert_true(rn_boiler_rules_match_line(rules, line, strlen(line), 2));
    }
    rn_boiler_rules_free(rules);
    unlink(path);
    free(path);
}

/* A rule file without class rules has no token array: HTML with classes
   must still be read (no bsearch on NULL), and so must an empty file. */
static void test_rules_without_classes(void **state)
{
    (void)state;
    const char *files[] = { "line\tbreaking news\n", "" };
    for (size_t i = 0; i < 2; i++) {
        char *path = temp_file(files[i]);
        struct rn_boiler_rules *rules = NULL;
        struct rn_err err = RN_ERR_INIT;
        assert_int_equal(rn_boiler_rules_load(path, &rules, &err), RN_OK);
        struct rn_ingest_options opt = { RN_INGEST_AUTO, 0, rules };
        struct rn_article a = RN_ARTICLE_INIT;
        const char *html = "<html><body><div class=\"promo share\"><p>Klow banned Lind on "
                           "Monday after a long dispute.</p></div></body></html>";
        assert_int_equal(rn_ingest_memory("c.html", html, strlen(html), &opt, &a, &err), RN_OK);
        assert_non_null(strstr(a.text, "Klow banned Lind"));
        rn_article_release(&a);
        rn_boiler_rules_free(rules);
        unlink(path);
        free(path);
    }
}

/* An empty directory is bad input, said as such (and no qsort on NULL). */
static void test_empty_directory(void **state)
{
    (void)state;
    char dir[] = "/tmp/relnet-empty-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct rn_paths found = RN_PATHS_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_list_dir(dir, &found, &err), RN_EINPUT);
    assert_int_equal(found.len, 0);
    assert_non_null(strstr(err.msg, ": no article files"));
    rn_paths_release(&found);
    rmdir(dir);
}

static void test_shipped_rules_load(void **state)
{
    (void)state;
    /* The built-in rules are this file, embedded at build time (CMake), so
       only the loader's reading of it is left to check. */
    const char *src = getenv("RELNET_SOURCE_DIR");
    if (!src) {
        skip();
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/data/lexicon/boilerplate.tsv", src);
    struct rn_boiler_rules *rules = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_boiler_rules_load(path, &rules, &err), RN_OK);
    rn_boiler_rules_free(rules);
}

static void ingest_ok(const char *name, const char *text, struct rn_article *a)
{
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(ingest_str(name, text, a, &err), RN_OK);
}

static void test_corpus_repeated_lines(void **state)
{
    (void)state;
    const char *footer = "Klow Daily is the voice of the free press in the valley.\n";
    char texts[4][1024];
    const char *bodies[] = {
        "Klow bans Szohod steel over dumping claims.\n",
        "Szohod signs a grain deal with Borduria.\n",
        "Borduria accuses Klow of spying on its embassy.\n",
        "Syldavia proposes a regional water treaty.\n",
    };
    struct rn_boiler_stats *st = rn_boiler_stats_new(0);
    assert_non_null(st);
    struct rn_article a = RN_ARTICLE_INIT;
    for (int i = 0; i < 4; i++) {
        snprintf(texts[i], sizeof texts[i], "%s%s", bodies[i], footer);
        /* real articles are longer than their footers */
        for (int k = 0; k < 3; k++)
            snprintf(texts[i] + strlen(texts[i]), sizeof texts[i] - strlen(texts[i]),
                     "Paragraph %d of report %d went into the details of the case.\n", k, i);
        ingest_ok("t.txt", texts[i], &a);
        assert_int_equal(rn_boiler_stats_add(st, &a), RN_OK);
        assert_int_equal(rn_boiler_stats_add(st, &a), RN_OK); /* same bytes: counted once */
        rn_article_release(&a);
    }
    struct rn_err err = RN_ERR_INIT;
    ingest_ok("t.txt", texts[2], &a);
    size_t before = a.boilerplate_lines;
    assert_int_equal(rn_boiler_stats_apply(st, &a, &err), RN_OK);
    assert_no_text(&a, footer);
    assert_has_line(&a, "Borduria accuses Klow of spying on its embassy.");
    assert_has_line(&a, "Paragraph 2 of report 2 went into the details of the case.");
    assert_int_equal(a.len, strlen(texts[2]) - strlen(footer));
    assert_int_equal(a.boilerplate_lines, before + 1);
    rn_article_release(&a);
    /* a page that is mostly repeated lines is a syndicated copy: untouched */
    char copy[1024];
    snprintf(copy, sizeof copy, "%sKlow reacts.\n", footer);
    ingest_ok("c.txt", copy, &a);
    assert_int_equal(rn_boiler_stats_apply(st, &a, &err), RN_OK);
    assert_string_equal(a.text, copy);
    rn_article_release(&a);
    rn_boiler_stats_free(st);

    /* a line in only two files is kept */
    st = rn_boiler_stats_new(3);
    for (int i = 0; i < 2; i++) {
        ingest_ok("t.txt", texts[i], &a);
        assert_int_equal(rn_boiler_stats_add(st, &a), RN_OK);
        rn_article_release(&a);
    }
    ingest_ok("t.txt", texts[0], &a);
    assert_int_equal(rn_boiler_stats_apply(st, &a, &err), RN_OK);
    assert_string_equal(a.text, texts[0]);
    rn_article_release(&a);
    rn_boiler_stats_free(st);
    rn_boiler_stats_free(NULL);
}

static void make_file(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("Klow signs.\n", f);
    fclose(f);
}

static void test_list_dir_sorted(void **state)
{
    (void)state;
    char root[] = "/tmp/relnet-test-dir-XXXXXX";
    assert_non_null(mkdtemp(root));
    char sub[1024], hidden[1024], link[2048];
    snprintf(sub, sizeof sub, "%s/b-sub", root);
    snprintf(hidden, sizeof hidden, "%s/.git", root);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(mkdir(hidden, 0700), 0);
    make_file(root, "z.txt");
    make_file(root, "a.HTML");
    make_file(root, "c.htm");
    make_file(root, "notes.md");
    make_file(root, ".draft.txt");
    make_file(sub, "m.txt");
    make_file(hidden, "x.txt");
    snprintf(link, sizeof link, "%s/loop", sub);
    assert_int_equal(symlink(root, link), 0); /* a loop: not followed */

    struct rn_paths p = RN_PATHS_INIT;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_ingest_list_dir(root, &p, &err), RN_OK);
    assert_int_equal(p.len, 4);
    const char *want[] = { "a.HTML", "b-sub/m.txt", "c.htm", "z.txt" };
    for (size_t i = 0; i < 4; i++) {
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", root, want[i]);
        assert_string_equal(p.items[i], full);
    }
    assert_int_equal(rn_ingest_list_dir("/nonexistent/dir", &p, &err), RN_EINPUT);
    assert_int_equal(p.len, 4);
    assert_non_null(strstr(err.msg, "cannot open /nonexistent/dir: No such file"));
    rn_paths_release(&p);
    rn_paths_release(&p);

    assert_true(rn_ingest_is_article_path("x/a.txt"));
    assert_true(rn_ingest_is_article_path("A.XHTML"));
    assert_false(rn_ingest_is_article_path("a.csv"));
    assert_false(rn_ingest_is_article_path(".txt"));
    assert_false(rn_ingest_is_article_path("dir.txt/readme"));

    /* clean up */
    unlink(link);
    const char *files[] = { "z.txt", "a.HTML", "c.htm", "notes.md", ".draft.txt",
                            "b-sub/m.txt", ".git/x.txt" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", root, files[i]);
        unlink(full);
    }
    rmdir(sub);
    rmdir(hidden);
    rmdir(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_metadata_and_boilerplate),
        cmocka_unit_test(test_keep_boilerplate_option),
        cmocka_unit_test(test_repeats_in_a_long_article),
        cmocka_unit_test(test_headline_words_counted),
        cmocka_unit_test(test_headlines_and_captions_survive),
        cmocka_unit_test(test_article_cut_short_is_kept),
        cmocka_unit_test(test_menu_runs),
        cmocka_unit_test(test_spam_in_another_script),
        cmocka_unit_test(test_date_forms),
        cmocka_unit_test(test_date_lines_in_text),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_sentence_dates),
        cmocka_unit_test(test_dateline_year_vote),
        cmocka_unit_test(test_article_date_sources),
        cmocka_unit_test(test_html_fixture),
        cmocka_unit_test(test_html_metadata_fallbacks),
        cmocka_unit_test(test_html_big_flagged_container_kept),
        cmocka_unit_test(test_html_sniffed_on_stdin),
        cmocka_unit_test(test_html_legacy_charset),
        cmocka_unit_test(test_html_deep_nesting_and_garbage),
        cmocka_unit_test(test_invalid_utf8_replaced),
        cmocka_unit_test(test_binary_rejected),
        cmocka_unit_test(test_odd_bytes_at_every_offset),
        cmocka_unit_test(test_empty_articles),
        cmocka_unit_test(test_huge_single_line),
        cmocka_unit_test(test_crlf_and_bom),
        cmocka_unit_test(test_rules_file),
        cmocka_unit_test(test_shipped_rules_load),
        cmocka_unit_test(test_rules_matching),
        cmocka_unit_test(test_rules_without_classes),
        cmocka_unit_test(test_html_nested_300),
        cmocka_unit_test(test_html_parse_stopped_reported),
        cmocka_unit_test(test_empty_directory),
        cmocka_unit_test(test_corpus_repeated_lines),
        cmocka_unit_test(test_list_dir_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
