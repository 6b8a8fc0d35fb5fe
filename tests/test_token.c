/* test_token.c - the sentence tokenizer: offsets, normal forms, possessives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/error.h"
#include "relnet/token.h"

#include <stdio.h>
#include <string.h>

/* Tokenize s and compare the normal forms, joined by '|', with want. */
static void assert_norms(const char *s, const char *want)
{
    struct rn_tokens t = RN_TOKENS_INIT;
    char got[512] = "";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    for (size_t i = 0; i < t.len; i++) {
        if (i)
            strcat(got, "|");
        strcat(got, rn_token_norm(&t, i));
    }
    assert_string_equal(got, want);
    rn_tokens_release(&t);
}

static void test_words_and_punctuation(void **state)
{
    (void)state;
    assert_norms("Norway banned the app.", "norway|banned|the|app|.");
    assert_norms("  Two,  three ", "two|,|three");
    assert_norms("", "");
    assert_norms("It cost 1,250.75 euros", "it|cost|1,250.75|euros");
}

static void test_possessives_split(void **state)
{
    (void)state;
    assert_norms("Norway's ban", "norway|'s|ban");
    assert_norms("Norway\xE2\x80\x99s ban", "norway|'s|ban");           /* curly apostrophe */
    assert_norms("the Alps' glaciers", "the|alps|'|glaciers");
    assert_norms("the Alps\xE2\x80\x99 glaciers", "the|alps|'|glaciers");
    assert_norms("they didn't sign", "they|didn't|sign");
    assert_norms("they didn\xE2\x80\x99t sign", "they|didn't|sign");
    /* A closing single quote after -s is a quote, not a possessive. */
    assert_norms("called them \xE2\x80\x98reckless acts\xE2\x80\x99 today",
                 "called|them|'|reckless|acts|'|today");
}

/* One struct for sentence after sentence (the tokenizer keeps its scratch
   buffers in it): the forms of each as a fresh struct gives them. */
static void test_struct_reused(void **state)
{
    (void)state;
    static const char *const sents[][2] = {
        { "Zürich didn\xE2\x80\x99t sign the U.S. pact.", "zurich|didn't|sign|the|us|pact|." },
        { "Ok.", "ok|." },
        { "Malmö and Łódź", "malmo|and|łodz" },
        { "Norway's ban", "norway|'s|ban" },
    };
    struct rn_tokens t = RN_TOKENS_INIT;
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < sizeof sents / sizeof sents[0]; k++) {
            assert_int_equal(rn_tokenize(sents[k][0], 0, strlen(sents[k][0]), &t), RN_OK);
            char got[256] = "";
            for (size_t i = 0; i < t.len; i++) {
                if (i)
                    strcat(got, "|");
                strcat(got, rn_token_norm(&t, i));
            }
            assert_string_equal(got, sents[k][1]);
            assert_norms(sents[k][0], sents[k][1]);
        }
    rn_tokens_release(&t);
}

/* token.h's promise to readers of normal forms: RN_TOKEN_NORM_PAD bytes
   stay allocated past the buffer's end, so 16 bytes load from any form. */
static void test_normal_forms_padded(void **state)
{
    (void)state;
    struct rn_tokens t = RN_TOKENS_INIT;
    char s[600];
    for (size_t n = 1; n < sizeof s; n += 7) {
        for (size_t k = 0; k < n; k++)
            s[k] = k % 5 == 4 ? ' ' : (char)('a' + k % 26);
        assert_int_equal(rn_tokenize(s, 0, n, &t), RN_OK);
        assert_true(t.len > 0);
        assert_true(t.norm.len + RN_TOKEN_NORM_PAD <= t.norm.cap);
        for (size_t i = 0; i < t.len; i++)
            assert_true(t.items[i].norm + 16 <= t.norm.cap);
    }
    rn_tokens_release(&t);
}

static void test_abbreviations_and_hyphens(void **state)
{
    (void)state;
    struct rn_tokens t = RN_TOKENS_INIT;
    const char *s = "the U.S. and Oslo-backed pact";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    assert_int_equal(t.len, 6);
    assert_string_equal(rn_token_norm(&t, 1), "us");
    assert_true(t.items[1].flags & RN_TOK_DOTS);
    assert_true(t.items[1].flags & RN_TOK_UPPER);
    assert_int_equal(t.items[1].start, 4);
    assert_int_equal(t.items[1].end, 8);
    assert_string_equal(rn_token_norm(&t, 3), "oslo");
    assert_string_equal(rn_token_norm(&t, 4), "backed");
    assert_true(t.items[4].flags & RN_TOK_HYPHEN);
    assert_false(t.items[4].flags & RN_TOK_SPACE);
    assert_true(t.items[3].flags & RN_TOK_CAP);
    assert_false(t.items[2].flags & RN_TOK_CAP);
    rn_tokens_release(&t);
}

static void test_dashes_quotes_and_spaces(void **state)
{
    (void)state;
    /* em dash, curly double quotes, no-break space */
    assert_norms("Oslo\xE2\x80\x94" "and \xE2\x80\x9C" "Bern\xE2\x80\x9D\xC2\xA0" "too",
                 "oslo|-|and|\"|bern|\"|too");
    struct rn_tokens t = RN_TOKENS_INIT;
    const char *s = "A \xE2\x80\x93 B";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    assert_int_equal(t.len, 3);
    assert_true(t.items[1].flags & RN_TOK_DASH);
    assert_int_equal(t.items[1].start, 2);
    assert_int_equal(t.items[1].end, 5);
    rn_tokens_release(&t);
}

static void test_offsets_are_into_the_original_text(void **state)
{
    (void)state;
    struct rn_tokens t = RN_TOKENS_INIT;
    const char *s = "First. \xC3\x89lys\xC3\xA9" "e said no.";
    /* tokenize only the second sentence: offsets stay relative to s */
    assert_int_equal(rn_tokenize(s, 7, strlen(s), &t), RN_OK);
    assert_string_equal(rn_token_norm(&t, 0), "elysee");
    assert_int_equal(t.items[0].start, 7);
    assert_int_equal(t.items[0].end, 15);
    assert_true(t.items[0].flags & RN_TOK_CAP);
    assert_true(rn_token_is(&t, 1, "said"));
    rn_tokens_release(&t);
}

/* The plain ASCII path and the general path (accents, apostrophes, digit
   groups) give words the same flags. */
static void test_plain_and_general_words_agree(void **state)
{
    (void)state;
    struct rn_tokens t = RN_TOKENS_INIT;
    const char *s = "NATO and \xC3\x89LYS\xC3\x89" "E, 3D and O'Neill's 2,000-strong unit";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    assert_int_equal(t.len, 11);
    uint32_t cap_upper = RN_TOK_CAP | RN_TOK_UPPER;
    assert_int_equal(t.items[0].flags & cap_upper, cap_upper); /* NATO: plain */
    assert_int_equal(t.items[2].flags & cap_upper, cap_upper); /* ELYSEE: general */
    assert_string_equal(rn_token_norm(&t, 2), "elysee");
    assert_string_equal(rn_token_norm(&t, 4), "3d");
    assert_int_equal(t.items[4].flags & (cap_upper | RN_TOK_NUM), cap_upper | RN_TOK_NUM);
    assert_string_equal(rn_token_norm(&t, 6), "o'neill");
    assert_true(t.items[6].flags & RN_TOK_CAP);
    assert_false(t.items[6].flags & RN_TOK_UPPER);
    assert_true(t.items[7].flags & RN_TOK_POSS);
    assert_string_equal(rn_token_norm(&t, 8), "2,000");
    assert_true(t.items[8].flags & RN_TOK_NUM);
    assert_string_equal(rn_token_norm(&t, 9), "strong");
    assert_true(t.items[9].flags & RN_TOK_HYPHEN);
    rn_tokens_release(&t);
    /* "it's" splits; a straight quote opened after a space is closed by
       the bare apostrophe after -s, which is then no possessive. */
    assert_norms("it's 'the Eyes' pact", "it|'s|'|the|eyes|'|pact");
    assert_norms("the Eyes' pact", "the|eyes|'|pact");
}

/* The plain path lowercases a word as it scans it, and leaves it to the
   general path when an apostrophe, hyphen, accent or digit group follows:
   what it wrote then is overwritten, never kept. Flags of plain words with
   digits: the first letter decides CAP, a digit first NUM. */
static void test_plain_path_gives_up_cleanly(void **state)
{
    (void)state;
    assert_norms("Kelpexcorporationholdings's BANKS' Zentara\xC3\xA9s 12,5 Oslo-Bern",
                 "kelpexcorporationholdings|'s|banks|'|zentaraes|12,5|oslo|bern");
    assert_norms("a B52 9am x86 4K", "a|b52|9am|x86|4k");
    struct rn_tokens t = RN_TOKENS_INIT;
    /* a plain word before a Unicode hyphen, an em dash, a curly possessive */
    const char *u = "Oslo\xE2\x80\x90" "Bern Oslo\xE2\x80\x94" "Bern Oslo\xE2\x80\x99s";
    assert_int_equal(rn_tokenize(u, 0, strlen(u), &t), RN_OK);
    assert_int_equal(t.len, 7);
    assert_true(t.items[1].flags & RN_TOK_HYPHEN);
    assert_true(t.items[3].flags & RN_TOK_DASH);
    assert_false(t.items[4].flags & RN_TOK_HYPHEN);
    assert_true(t.items[6].flags & RN_TOK_POSS);
    const char *s = "B52 9am x86 4K";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    const uint32_t shape = RN_TOK_WORD | RN_TOK_CAP | RN_TOK_UPPER | RN_TOK_NUM;
    assert_int_equal(t.items[0].flags & shape, RN_TOK_WORD | RN_TOK_CAP | RN_TOK_UPPER);
    assert_int_equal(t.items[1].flags & shape, RN_TOK_WORD | RN_TOK_NUM);
    assert_int_equal(t.items[2].flags & shape, RN_TOK_WORD);
    assert_int_equal(t.items[3].flags & shape, shape);
    rn_tokens_release(&t);
}

/* Words of 15 to 33 bytes, read 16 bytes at a time where the sentence
   holds them: the letters past the first 16 count for the shape too. */
static void test_long_plain_words(void **state)
{
    (void)state;
    const char *s = "abcdefghijklmnoP ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890123456789x "
                    "12345678901234567X abcdefghijklmnopqrstuvwxyzABCDEFG ABCDEFGHIJKLMNO's end";
    assert_norms(s, "abcdefghijklmnop|abcdefghijklmnopqrstuvwxyz|1234567890123456789x|"
                    "12345678901234567x|abcdefghijklmnopqrstuvwxyzabcdefg|abcdefghijklmno|'s|end");
    struct rn_tokens t = RN_TOKENS_INIT;
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    const uint32_t shape = RN_TOK_CAP | RN_TOK_UPPER | RN_TOK_NUM;
    static const uint32_t want[] = { 0, RN_TOK_CAP | RN_TOK_UPPER, RN_TOK_NUM, shape, 0,
                                     RN_TOK_CAP | RN_TOK_UPPER };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_int_equal(t.items[i].flags & shape, want[i]);
    assert_true(t.items[6].flags & RN_TOK_POSS);
    rn_tokens_release(&t);
}

static void test_invalid_utf8_does_not_crash(void **state)
{
    (void)state;
    assert_norms("a\xFF" "b", "a|\xFF|b");
    assert_norms("\xE2\x80", "\xE2|\x80");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_punctuation),
        cmocka_unit_test(test_possessives_split),
        cmocka_unit_test(test_struct_reused),
        cmocka_unit_test(test_normal_forms_padded),
        cmocka_unit_test(test_abbreviations_and_hyphens),
        cmocka_unit_test(test_dashes_quotes_and_spaces),
        cmocka_unit_test(test_offsets_are_into_the_original_text),
        cmocka_unit_test(test_plain_and_general_words_agree),
        cmocka_unit_test(test_plain_path_gives_up_cleanly),
        cmocka_unit_test(test_long_plain_words),
        cmocka_unit_test(test_invalid_utf8_does_not_crash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
