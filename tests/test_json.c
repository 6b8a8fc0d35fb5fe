/* test_json.c - the streaming JSON writers (rn_json_add_*) against what
 * the jansson tree writes for the same values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/buf.h"
#include "relnet/json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What rn_json_dump writes for v, without its newline, with '<', '>' and
   '&' escaped as rn_json_add_string escapes them. */
static void dumped(struct rn_json *v, char *out, size_t size)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    assert_non_null(f);
    assert_int_equal(rn_json_dump(f, v, 0), RN_OK);
    fclose(f);
    size_t used = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        const char *esc = mem[i] == '<' ? "\\u003c" : mem[i] == '>' ? "\\u003e"
                        : mem[i] == '&' ? "\\u0026" : NULL;
        used += (size_t)snprintf(out + used, size - used, "%s", esc ? esc : (char[]){ mem[i], 0 });
    }
    free(mem);
    rn_json_free(v);
}

/* The streaming writer's string s (or, when s is NULL, number v) must be
   what the tree writes for the same value. */
static void check_value(const char *s, double v)
{
    char want[256];
    struct rn_json *arr = rn_json_array();
    assert_int_equal(rn_json_append(arr, s ? rn_json_string(s) : rn_json_number(v)), RN_OK);
    dumped(arr, want, sizeof want);
    struct rn_buf got = RN_BUF_INIT;
    rn_buf_addc(&got, '[');
    assert_int_equal(s ? rn_json_add_string(&got, s) : rn_json_add_number(&got, v), RN_OK);
    rn_buf_addc(&got, ']');
    assert_string_equal(rn_buf_str(&got), want);
    rn_buf_release(&got);
}

static void test_strings_as_jansson(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "plain", "", "quote \" and \\ backslash", "tab\tnew\nline\rcr", "ctrl \x01\x1f end",
        "</script><b>&amp;</b>", "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80", "bad \xff byte",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_value(cases[i], 0);
    struct rn_buf b = RN_BUF_INIT;
    assert_int_equal(rn_json_add_string(&b, NULL), RN_OK);
    assert_string_equal(rn_buf_str(&b), "null");
    rn_buf_release(&b);
}

static void test_numbers_as_jansson(void **state)
{
    (void)state;
    static const double cases[] = { 0, -0.0, 1, 2.5, 1.0 / 3, 123456789.0, 1e-7, -42.125, 1e300 };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_value(NULL, cases[i]);
    struct rn_buf b = RN_BUF_INIT;
    assert_int_equal(rn_json_add_number(&b, NAN), RN_OK);
    assert_int_equal(rn_json_add_integer(&b, -7), RN_OK);
    assert_string_equal(rn_buf_str(&b), "null-7");
    rn_buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_as_jansson),
        cmocka_unit_test(test_numbers_as_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
