/* test_sentence.c - the sentence splitter: abbreviations, initials, numbers,
 * quotes, ellipses, line breaks, list items, spans, rules files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/error.h"
#include "relnet/sentence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Split text and compare with the expected sentences, "|"-separated. */
static void assert_split_with(const struct rn_sentence_rules *rules, const char *text,
                              const char *want)
{
    struct rn_sentences s = RN_SENTENCES_INIT;
    assert_int_equal(rn_sentence_split_with(rules, text, strlen(text), &s), RN_OK);
    char got[4096] = "";
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        int w = snprintf(got + n, sizeof got - n, "%s%.*s", i ? "|" : "",
                         (int)(s.items[i].end - s.items[i].start), text + s.items[i].start);
        assert_true(w >= 0 && (size_t)w < sizeof got - n);
        n += (size_t)w;
    }
    if (strcmp(got, want) != 0)
        print_error("text: %s\n got: %s\nwant: %s\n", text, got, want);
    assert_string_equal(got, want);
    rn_sentences_release(&s);
}

static void assert_split(const char *text, const char *want)
{
    assert_split_with(NULL, text, want);
}

static void test_plain_stops(void **state)
{
    (void)state;
    assert_split("Borduria closed its border. Syldavia protested! Why now? Nobody knows.",
                 "Borduria closed its border.|Syldavia protested!|Why now?|Nobody knows.");
    assert_split("One sentence without a stop", "One sentence without a stop");
    assert_split("", "");
    assert_split("   \n\n \t ", "");
}

/* Stops and line breaks at every place of a 16-byte step (the splitter
   skips plain bytes 16 at a time). */
static void test_stops_at_every_place(void **state)
{
    (void)state;
    for (int k = 0; k < 40; k++) {
        char text[256], want[256];
        snprintf(text, sizeof text, "A%.*s went. Who? Bo\nCy left! Di", k,
                 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        snprintf(want, sizeof want, "A%.*s went.|Who?|Bo|Cy left!|Di", k,
                 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assert_split(text, want);
    }
}

static void test_titles_and_abbreviations(void **state)
{
    (void)state;
    assert_split("Mr. Weber met Mrs. Lind and Dr. Petrov. Gen. Abara and Sen. Ross left.",
                 "Mr. Weber met Mrs. Lind and Dr. Petrov.|Gen. Abara and Sen. Ross left.");
    assert_split("The talks ended on Sept. 12 in Klow. They resume in Jan. next year.",
                 "The talks ended on Sept. 12 in Klow.|They resume in Jan. next year.");
    assert_split("Item No. 5 was banned. Rep. Ortega voted no.",
                 "Item No. 5 was banned.|Rep. Ortega voted no.");
    assert_split("Acme Inc. said it would appeal. Acme Inc. The firm later relented.",
                 "Acme Inc. said it would appeal.|Acme Inc.|The firm later relented.");
    assert_split("Huawei Technologies Co. Ltd. denied it. St. Petersburg hosted the talks.",
                 "Huawei Technologies Co. Ltd. denied it.|St. Petersburg hosted the talks.");
    assert_split("Some states, e.g. Borduria, objected, i.e. they walked out. Klow vs. Szohod.",
                 "Some states, e.g. Borduria, objected, i.e. they walked out.|Klow vs. Szohod.");
    assert_split("They banned apps, games, etc. and more. They banned films etc. The rest stayed.",
                 "They banned apps, games, etc. and more.|They banned films etc.|The rest stayed.");
}

static void test_dotted_acronyms(void **state)
{
    (void)state;
    assert_split("The U.S. Justice Department charged two men. It acted in the U.S. He said so.",
                 "The U.S. Justice Department charged two men.|It acted in the U.S.|He said so.");
    assert_split("The U.K. and the E.U. signed. Talks began at 9 a.m. and ended at noon.",
                 "The U.K. and the E.U. signed.|Talks began at 9 a.m. and ended at noon.");
    assert_split("The U.S.-Syldavia pact was signed. Both sides agreed.",
                 "The U.S.-Syldavia pact was signed.|Both sides agreed.");
}

static void test_initials(void **state)
{
    (void)state;
    assert_split("J. R. Smith accused the board. Vice President J.D. Vance spoke later.",
                 "J. R. Smith accused the board.|Vice President J.D. Vance spoke later.");
    assert_split("The plan was called Plan B. The board rejected it.",
                 "The plan was called Plan B.|The board rejected it.");
}

static void test_numbers_and_links(void **state)
{
    (void)state;
    assert_split("Sales rose 3.5 percent to $1.2 billion. See example.com/report.html for more.",
                 "Sales rose 3.5 percent to $1.2 billion.|See example.com/report.html for more.");
    assert_split("The ban started in 2020. 5G networks were next.",
                 "The ban started in 2020.|5G networks were next.");
}

static void test_quotes_and_brackets(void **state)
{
    (void)state;
    assert_split("He said \"no.\" Then he left.", "He said \"no.\"|Then he left.");
    assert_split("\xE2\x80\x9CWe object.\xE2\x80\x9D The envoy left.",
                 "\xE2\x80\x9CWe object.\xE2\x80\x9D|The envoy left.");
    assert_split("\xE2\x80\x9CIs it true?\xE2\x80\x9D she asked. He nodded.",
                 "\xE2\x80\x9CIs it true?\xE2\x80\x9D she asked.|He nodded.");
    assert_split("The ban was lifted (after a court ruling.) Trade resumed.",
                 "The ban was lifted (after a court ruling.)|Trade resumed.");
    assert_split("He called it 'a lie.' \xE2\x80\x98Nonsense,\xE2\x80\x99 she replied.",
                 "He called it 'a lie.'|\xE2\x80\x98Nonsense,\xE2\x80\x99 she replied.");
}

static void test_ellipses(void **state)
{
    (void)state;
    assert_split("The talks went on... The deal failed.", "The talks went on...|The deal failed.");
    assert_split("The talks went on... and on.", "The talks went on... and on.");
    assert_split("They waited\xE2\x80\xA6 Then the ban came.",
                 "They waited\xE2\x80\xA6|Then the ban came.");
    assert_split("What?! No way.", "What?!|No way.");
}

static void test_lines_and_lists(void **state)
{
    (void)state;
    assert_split("Syldavia bans Bordurian apps\nThe ban starts today.",
                 "Syldavia bans Bordurian apps|The ban starts today.");
    assert_split("The pact has three points:\n1. Syldavia stops the tests.\n2. Borduria "
                 "opens its ports.\n  3. Both sign by May\n",
                 "The pact has three points:|1. Syldavia stops the tests.|2. Borduria opens "
                 "its ports.|3. Both sign by May");
    assert_split("a. The first point.\nb. The second point.",
                 "a. The first point.|b. The second point.");
    assert_split("It happened in 1999. 2000 was calmer.", "It happened in 1999.|2000 was calmer.");
}

static void test_spans_trimmed(void **state)
{
    (void)state;
    const char *text = "  First one.   Second one.\t\n\n  \xC2\xA0Third\xC2\xA0 ";
    struct rn_sentences s = RN_SENTENCES_INIT;
    assert_int_equal(rn_sentence_split(text, strlen(text), &s), RN_OK);
    assert_int_equal(s.len, 3);
    assert_int_equal(s.items[0].start, 2);
    assert_int_equal(s.items[0].end, 12);
    assert_int_equal(s.items[1].start, 15);
    assert_int_equal(s.items[1].end, 26);
    assert_memory_equal(text + s.items[2].start, "Third", 5);
    assert_int_equal(s.items[2].end - s.items[2].start, 5);
    rn_sentences_release(&s);
    rn_sentences_release(&s); /* twice is safe */
}

/* Any bytes: spans stay ordered, inside the text, non-empty, bounded. */
static void test_invariants_on_random_bytes(void **state)
{
    (void)state;
    static const char alphabet[] = "ab. ?!\n\"'()Mr.U.S.1\xE2\x80\xA6\xC2\xA0\xFF";
    size_t n = 200000;
    char *text = malloc(n);
    assert_non_null(text);
    unsigned seed = 12345;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    struct rn_sentences s = RN_SENTENCES_INIT;
    assert_int_equal(rn_sentence_split(text, n, &s), RN_OK);
    size_t prev = 0;
    for (size_t i = 0; i < s.len; i++) {
        assert_true(s.items[i].start >= prev);
        assert_true(s.items[i].end > s.items[i].start);
        assert_true(s.items[i].end <= n);
        assert_true(s.items[i].end - s.items[i].start <= RN_SENTENCE_MAX_BYTES);
        prev = s.items[i].end;
    }
    rn_sentences_release(&s);
    free(text);
}

/* A 5 MB line without a stop is cut into bounded pieces at spaces. */
static void test_huge_line_is_cut(void **state)
{
    (void)state;
    size_t n = 5u << 20;
    char *text = malloc(n);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        text[i] = (i % 7 == 6) ? ' ' : 'x';
    struct rn_sentences s = RN_SENTENCES_INIT;
    assert_int_equal(rn_sentence_split(text, n, &s), RN_OK);
    assert_true(s.len >= n / RN_SENTENCE_MAX_BYTES);
    size_t covered = 0;
    for (size_t i = 0; i < s.len; i++) {
        assert_true(s.items[i].end - s.items[i].start <= RN_SENTENCE_MAX_BYTES);
        assert_int_not_equal(text[s.items[i].start], ' ');
        assert_int_not_equal(text[s.items[i].end - 1], ' ');
        covered += s.items[i].end - s.items[i].start;
    }
    assert_true(covered > n - s.len * 2);
    /* no space at all: cut anyway */
    memset(text, 'y', n);
    assert_int_equal(rn_sentence_split(text, n, &s), RN_OK);
    assert_int_equal(s.len, (n + RN_SENTENCE_MAX_BYTES - 1) / RN_SENTENCE_MAX_BYTES);
    rn_sentences_release(&s);
    free(text);
}

static char *write_temp(const char *content)
{
    char *path = strdup("/tmp/relnet-test-sentence-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    close(fd);
    return path;
}

static void test_rules_file(void **state)
{
    (void)state;
    char *path = write_temp("# test rules\ntitle\tAmb.\nstarter\tThe\n\ninner\tcf.\n");
    struct rn_sentence_rules *rules = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_sentence_rules_load(path, &rules, &err), RN_OK);
    assert_split_with(rules, "Amb. Lind met Mr. Weber. The talks, cf. Klow, failed.",
                      "Amb. Lind met Mr.|Weber.|The talks, cf. Klow, failed.");
    rn_sentence_rules_free(rules);
    unlink(path);
    free(path);

    path = write_temp("title\tDr.\nabbrev\tNo.\n");
    assert_int_equal(rn_sentence_rules_load(path, &rules, &err), RN_EINPUT);
    assert_null(rules);
    assert_non_null(strstr(err.msg, ":2: unknown kind 'abbrev'"));
    unlink(path);
    free(path);

    /* an empty file: no abbreviations at all (and no bsearch on NULL) */
    path = write_temp("");
    assert_int_equal(rn_sentence_rules_load(path, &rules, &err), RN_OK);
    assert_split_with(rules, "Mr. Weber left. Lind stayed.", "Mr.|Weber left.|Lind stayed.");
    rn_sentence_rules_free(rules);
    unlink(path);
    free(path);

    assert_int_equal(rn_sentence_rules_load("/nonexistent/abbr.tsv", &rules, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "cannot open /nonexistent/abbr.tsv"));
    rn_sentence_rules_free(NULL);
    rn_sentence_rules_free((struct rn_sentence_rules *)rn_sentence_rules_default());
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
    snprintf(path, sizeof path, "%s/data/lexicon/abbreviations.tsv", src);
    struct rn_sentence_rules *rules = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_sentence_rules_load(path, &rules, &err), RN_OK);
    rn_sentence_rules_free(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_stops),
        cmocka_unit_test(test_stops_at_every_place),
        cmocka_unit_test(test_titles_and_abbreviations),
        cmocka_unit_test(test_dotted_acronyms),
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_numbers_and_links),
        cmocka_unit_test(test_quotes_and_brackets),
        cmocka_unit_test(test_ellipses),
        cmocka_unit_test(test_lines_and_lists),
        cmocka_unit_test(test_spans_trimmed),
        cmocka_unit_test(test_invariants_on_random_bytes),
        cmocka_unit_test(test_huge_line_is_cut),
        cmocka_unit_test(test_rules_file),
        cmocka_unit_test(test_shipped_rules_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
