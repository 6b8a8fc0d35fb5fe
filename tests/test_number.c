/* test_number.c - rn_strtod gives strtod's value, end and errno, bit for
 * bit, on the plain decimals of its short path and on everything else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/number.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Same bits, same end, same errno as strtod. */
static void agrees(const char *s)
{
    char *want_end, *got_end;
    errno = 0;
    double want = strtod(s, &want_end);
    int want_errno = errno;
    errno = 0;
    double got = rn_strtod(s, &got_end);
    int got_errno = errno;
    if (memcmp(&want, &got, sizeof want) != 0 || want_end != got_end || want_errno != got_errno)
        fail_msg("'%s': strtod %.17g (end +%td, errno %d), rn_strtod %.17g (end +%td, errno %d)",
                 s, want, want_end - s, want_errno, got, got_end - s, got_errno);
}

static void test_edge_cases(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "0", "0.", ".5", "5.", "00012.3400", "6.34", "8.52", "0.1", "0.3", "1", "17",
        "123456789012345678", "9007199254740992", "9007199254740993", "9007199254740993.0",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999",
        "0.0000000000000000000001", "0.00000000000000000000001",
        "1.0000000000000000000000", "4.9406564584124654e-324", "1e5", "1E5", "1.e5", "2.5e-3",
        "0x10", "0X1p3", " 1", "+1", "-1", "-0", "inf", "nan", "INFINITY", "", ".", "..", "-",
        "1.5abc", "7,5", "3 ", "1..2", "1e", "1e+", "12.5.6", "1e400", "1e-400", "0.5e",
        "1.7976931348623157e308",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        agrees(cases[i]);
    char *end;
    assert_true(rn_strtod("2.25", NULL) == 2.25);
    assert_true(rn_strtod("2.25 x", &end) == 2.25);
    assert_string_equal(end, " x");
}

/* Random decimals of every length around the short path's limits (up to
   25 digits, up to 24 after the point), with and without a tail. */
static void test_random_decimals(void **state)
{
    (void)state;
    static const char *const tails[] = { "", " ", ",", "e3", "x", ".", "a" };
    srand(12345);
    char s[64];
    for (int i = 0; i < 300000; i++) {
        int whole = rand() % 20, frac = rand() % 25;
        size_t n = 0;
        for (int k = 0; k < whole; k++)
            s[n++] = (char)('0' + rand() % 10);
        if (frac || rand() % 2)
            s[n++] = '.';
        for (int k = 0; k < frac; k++)
            s[n++] = (char)('0' + (rand() % 4 ? rand() % 10 : 0));
        s[n] = '\0';
        strcat(s, tails[rand() % (int)(sizeof tails / sizeof tails[0])]);
        agrees(s);
    }
}

/* Weights as CSV files write them: "%.2f" and "%.17g" of random values
   printed back, which must read as the value printed. */
static void test_printed_doubles(void **state)
{
    (void)state;
    srand(777);
    char s[64];
    for (int i = 0; i < 100000; i++) {
        double v = (double)rand() / RAND_MAX * (i % 2 ? 10.0 : 1e6);
        snprintf(s, sizeof s, "%.2f", v);
        agrees(s);
        snprintf(s, sizeof s, "%.17g", v);
        agrees(s);
        snprintf(s, sizeof s, "%.15f", v / 1e3);
        agrees(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edge_cases),
        cmocka_unit_test(test_random_decimals),
        cmocka_unit_test(test_printed_doubles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
