/* test_text.c - UTF-8 checks, name keys, string interning and maps, records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/buf.h"
#include "relnet/error.h"
#include "relnet/record.h"
#include "relnet/strmap.h"
#include "relnet/hash.h"
#include "relnet/strtab.h"
#include "relnet/text.h"

#include <stdio.h>
#include <string.h>

static void assert_key(const char *name, const char *want)
{
    struct rn_buf key = RN_BUF_INIT;
    assert_int_equal(rn_text_key(name, strlen(name), &key), RN_OK);
    assert_string_equal(rn_buf_str(&key), want);
    rn_buf_release(&key);
}

static void test_key_folds_case_and_punctuation(void **state)
{
    (void)state;
    assert_key("U.S.", "us");
    assert_key("US", "us");
    assert_key("United  States", "united states");
    assert_key("The Five Eyes", "five eyes");
    assert_key("Five Eyes'", "five eyes");
    assert_key("AT&T", "att");
    assert_key("Huawei Technologies Co., Ltd.", "huawei technologies co ltd");
    assert_key("  Zhao   Lijian ", "zhao lijian");
    assert_key("\xC3\x89lys\xC3\xA9" "e", "elysee");        /* É, é with accents */
    assert_key("U.S.\xE2\x80\x93" "China", "us china");   /* en dash */
    assert_key("\xE2\x80\x9CWanton\xE2\x80\x9D", "wanton"); /* curly quotes */
    assert_key("Disney+", "disney+");
    assert_key("libc++-dev", "libc++ dev");
    assert_key("the", "the");
    assert_key("", "");
}

static void test_utf8_check_reports_offset(void **state)
{
    (void)state;
    size_t off = 99;
    assert_int_equal(rn_utf8_check("abc", 3, &off), RN_OK);
    assert_int_equal(rn_utf8_check("ab\xC3\xA9", 4, &off), RN_OK);
    assert_int_equal(rn_utf8_check("ab\xFF" "c", 4, &off), RN_EINPUT);
    assert_int_equal(off, 2);
    assert_int_equal(rn_utf8_check("x\xC3", 2, &off), RN_EINPUT); /* truncated */
    assert_int_equal(off, 1);
    assert_int_equal(rn_utf8_check("\xED\xA0\x80", 3, &off), RN_EINPUT); /* surrogate */
    assert_int_equal(rn_utf8_check("\xC0\xAF", 2, &off), RN_EINPUT);     /* overlong */
    /* Long ASCII runs are skipped eight bytes at a time: a bad byte at
       every position of a 20-byte line is still found where it is, and
       multi-byte characters across an eight-byte boundary still pass. */
    for (size_t at = 0; at < 20; at++) {
        char line[21];
        memset(line, 'a', 20);
        line[20] = '\0';
        line[at] = (char)0xFF;
        off = 99;
        assert_int_equal(rn_utf8_check(line, 20, &off), RN_EINPUT);
        assert_int_equal(off, at);
        line[at] = 'a';
        if (at + 2 <= 20) {
            line[at] = (char)0xC3;
            line[at + 1] = (char)0xA9;
            assert_int_equal(rn_utf8_check(line, 20, &off), RN_OK);
        }
    }
}

static void test_strtab_interns_and_survives_growth(void **state)
{
    (void)state;
    struct rn_strtab *t = rn_strtab_new();
    assert_non_null(t);
    char name[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(name, sizeof name, "entity-%d", i);
        uint32_t id;
        int added = 0;
        assert_int_equal(rn_strtab_intern(t, name, strlen(name), &id, &added), RN_OK);
        assert_int_equal(id, (uint32_t)i);
        assert_true(added);
    }
    const char *first = rn_strtab_str(t, 0);
    uint32_t id;
    int added = 1;
    assert_int_equal(rn_strtab_intern(t, "entity-7", 8, &id, &added), RN_OK);
    assert_int_equal(id, 7);
    assert_false(added);
    assert_ptr_equal(first, rn_strtab_str(t, 0)); /* pointers never move */
    assert_string_equal(rn_strtab_str(t, 19999), "entity-19999");
    assert_int_equal(rn_strtab_find(t, "nope", 4, &id), RN_ENOTFOUND);
    /* embedded NUL bytes are part of the string */
    assert_int_equal(rn_strtab_intern(t, "a\0b", 3, &id, &added), RN_OK);
    assert_true(added);
    assert_int_equal(rn_strtab_len(t, id), 3);
    assert_int_equal(rn_strtab_count(t), 20001);
    /* with the hash given (and its slot prefetched first): the same ids */
    rn_strtab_prefetch(t, rn_hash64("entity-7", 8));
    assert_int_equal(rn_strtab_intern_hashed(t, "entity-7", 8, rn_hash64("entity-7", 8), &id,
                                             &added),
                     RN_OK);
    assert_int_equal(id, 7);
    assert_false(added);
    assert_int_equal(rn_strtab_intern_hashed(t, "fresh", 5, rn_hash64("fresh", 5), &id, &added),
                     RN_OK);
    assert_true(added);
    assert_int_equal(id, 20001);
    assert_int_equal(rn_strtab_find(t, "fresh", 5, &id), RN_OK);
    assert_int_equal(id, 20001);
    /* kept strings are stored, not interned */
    const char *kept = rn_strtab_keep(t, "entity-7", 8);
    assert_string_equal(kept, "entity-7");
    assert_ptr_not_equal(kept, rn_strtab_str(t, 7));
    assert_int_equal(rn_strtab_count(t), 20002);
    for (int i = 0; i < 20000; i += 997) { /* every string still found after growth */
        snprintf(name, sizeof name, "entity-%d", i);
        assert_int_equal(rn_strtab_find(t, name, strlen(name), &id), RN_OK);
        assert_int_equal(id, (uint32_t)i);
    }
    rn_strtab_free(t);
    rn_strtab_free(NULL);
}

/* Every ASCII byte between two letters: kept (lowercased), a word
   break, or dropped, as the key rules say (the fast path for ASCII must
   agree with them byte for byte). */
static void test_key_of_every_ascii_byte(void **state)
{
    (void)state;
    const char *breaks = " \t\n\r-_/,;:()[]{}|";
    for (int c = 1; c < 0x80; c++) {
        char name[4] = { 'x', (char)c, 'y', '\0' }, want[4];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '#')
            snprintf(want, sizeof want, "x%cy", c);
        else if (c >= 'A' && c <= 'Z')
            snprintf(want, sizeof want, "x%cy", c + 32);
        else if (strchr(breaks, c))
            snprintf(want, sizeof want, "x y");
        else
            snprintf(want, sizeof want, "xy");
        assert_key(name, want);
    }
    /* ASCII runs around other scripts keep one space between words */
    assert_key("--A\xC3\x89 b--  C", "ae b c");
    assert_key("  \xE2\x80\x94 x", "x");
    assert_key("", "");
}

struct test_value {
    int64_t id;
    int64_t seen;
};

static void test_strmap_maps_and_survives_growth(void **state)
{
    (void)state;
    assert_null(rn_strmap_new(12)); /* values are 8-byte aligned */
    struct rn_strmap *m = rn_strmap_new(sizeof(struct test_value));
    assert_non_null(m);
    char name[32];
    uint32_t refs[20000];
    for (int i = 0; i < 20000; i++) {
        snprintf(name, sizeof name, "entity-%d", i);
        int added = 0;
        assert_int_equal(rn_strmap_intern(m, name, strlen(name), &refs[i], &added), RN_OK);
        assert_true(added);
        struct test_value *v = rn_strmap_value(m, refs[i]);
        assert_int_equal(v->id, 0); /* new values are zeroed */
        v->id = i + 1;
    }
    assert_int_equal(rn_strmap_count(m), 20000);
    for (int i = 0; i < 20000; i++) { /* found again after growth, values kept */
        snprintf(name, sizeof name, "entity-%d", i);
        uint32_t ref;
        int added = 1;
        assert_int_equal(rn_strmap_intern(m, name, strlen(name), &ref, &added), RN_OK);
        assert_false(added);
        assert_int_equal(ref, refs[i]);
        assert_int_equal(((struct test_value *)rn_strmap_value(m, ref))->id, i + 1);
        size_t len;
        assert_string_equal(rn_strmap_str(m, ref, &len), name);
        assert_int_equal(len, strlen(name));
    }
    /* embedded NUL bytes and the empty string are strings like others */
    uint32_t a, b, e;
    int added;
    assert_int_equal(rn_strmap_intern(m, "a\0b", 3, &a, &added), RN_OK);
    assert_true(added);
    assert_int_equal(rn_strmap_intern(m, "a", 1, &b, &added), RN_OK);
    assert_true(added);
    assert_int_not_equal(a, b);
    assert_int_equal(rn_strmap_intern(m, "", 0, &e, &added), RN_OK);
    assert_true(added);
    size_t len;
    rn_strmap_str(m, a, &len);
    assert_int_equal(len, 3);
    /* a string longer than the arena's first block */
    static char big[200000];
    memset(big, 'z', sizeof big);
    uint32_t r;
    assert_int_equal(rn_strmap_intern(m, big, sizeof big, &r, &added), RN_OK);
    assert_true(added);
    assert_int_equal(rn_strmap_intern(m, big, sizeof big, &r, &added), RN_OK);
    assert_false(added);
    assert_int_equal(rn_strmap_intern(m, big, sizeof big - 1, &r, &added), RN_OK);
    assert_true(added);
    /* the walk visits every entry once, in insertion order */
    uint32_t n = 0, prev = 0;
    for (uint32_t k = rn_strmap_next(m, 0); k; k = rn_strmap_next(m, k)) {
        assert_true(k > prev);
        if (n < 20000)
            assert_int_equal(k, refs[n]);
        prev = k;
        n++;
    }
    assert_int_equal(n, rn_strmap_count(m));
    assert_int_equal(n, 20005);
    assert_true(rn_strmap_bytes(m) > 2 * sizeof big);
    rn_strmap_free(m);
    rn_strmap_free(NULL);
}

static void test_dates(void **state)
{
    (void)state;
    char out[11];
    /* written by hand as "%04d-%02d-%02d" writes them */
    for (int y = 0; y <= 9999; y += 7)
        for (int m = 0; m <= 99; m += 13)
            for (int d = 0; d <= 99; d += 11) {
                char want[40];
                snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
                rn_date_iso(y, m, d, out);
                assert_string_equal(out, want);
            }
    assert_int_equal(rn_date_normalize("2020-10-13", out), RN_OK);
    assert_string_equal(out, "2020-10-13");
    assert_int_equal(rn_date_normalize("2020/10/13", out), RN_OK);
    assert_string_equal(out, "2020-10-13");
    assert_int_equal(rn_date_normalize("20201013", out), RN_OK);
    assert_int_equal(rn_date_normalize("2020-10-13T08:00:00Z", out), RN_OK);
    assert_string_equal(out, "2020-10-13");
    assert_int_equal(rn_date_normalize("2024-02-29", out), RN_OK);
    assert_int_equal(rn_date_normalize("2023-02-29", out), RN_EINPUT);
    assert_int_equal(rn_date_normalize("2020-13-01", out), RN_EINPUT);
    assert_int_equal(rn_date_normalize("13/10/2020", out), RN_EINPUT);
    assert_int_equal(rn_date_normalize("yesterday", out), RN_EINPUT);
    assert_int_equal(rn_date_normalize("2020-10-13x", out), RN_EINPUT);
}

static void test_enum_names_round_trip(void **state)
{
    (void)state;
    for (int t = 0; t < RN_ETYPE_COUNT; t++) {
        enum rn_etype back;
        assert_int_equal(rn_etype_parse(rn_etype_name((enum rn_etype)t), &back), RN_OK);
        assert_int_equal(back, t);
    }
    for (int p = 0; p < RN_POL_COUNT; p++) {
        enum rn_polarity back;
        assert_int_equal(rn_polarity_parse(rn_polarity_name((enum rn_polarity)p), &back), RN_OK);
        assert_int_equal(back, p);
    }
    enum rn_etype t;
    assert_int_equal(rn_etype_parse("Organisation", &t), RN_OK);
    assert_int_equal(t, RN_ETYPE_ORGANIZATION);
    assert_int_equal(rn_etype_parse("planet", &t), RN_EINPUT);
    char rel[64];
    assert_int_equal(rn_relation_normalize("  Accuses ", rel, sizeof rel), RN_OK);
    assert_string_equal(rel, "accuses");
    assert_int_equal(rn_relation_normalize("   ", rel, sizeof rel), RN_EINPUT);
    assert_int_equal(rn_relation_normalize("a\nb", rel, sizeof rel), RN_EINPUT);
}

static void test_utf8_repair(void **state)
{
    (void)state;
    struct rn_buf b = RN_BUF_INIT;
    const char bad[] = "a\xFF" "b\x01" "c\tx\xC3\xA9";
    assert_int_equal(rn_utf8_repair(bad, sizeof bad - 1, 0, &b), RN_OK);
    assert_string_equal(rn_buf_str(&b), "a\xEF\xBF\xBD" "b\x01" "c\tx\xC3\xA9");
    rn_buf_reset(&b);
    assert_int_equal(rn_utf8_repair(bad, sizeof bad - 1, RN_REPAIR_CONTROLS, &b), RN_OK);
    assert_string_equal(rn_buf_str(&b), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\tx\xC3\xA9");
    rn_buf_reset(&b);
    assert_int_equal(rn_utf8_repair(bad, sizeof bad - 1, RN_REPAIR_DROP, &b), RN_OK);
    assert_string_equal(rn_buf_str(&b), "ab\x01" "c\tx\xC3\xA9");
    rn_buf_release(&b);
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(rn_text_distance("huawei", "huawie", 3), 2);
    assert_int_equal(rn_text_distance("china", "china", 3), 0);
    assert_int_equal(rn_text_distance("a", "abcdefgh", 3), 4); /* capped at limit + 1 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_folds_case_and_punctuation),
        cmocka_unit_test(test_utf8_check_reports_offset),
        cmocka_unit_test(test_strtab_interns_and_survives_growth),
        cmocka_unit_test(test_key_of_every_ascii_byte),
        cmocka_unit_test(test_strmap_maps_and_survives_growth),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_enum_names_round_trip),
        cmocka_unit_test(test_utf8_repair),
        cmocka_unit_test(test_distance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
