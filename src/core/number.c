/* number.c - decimal numbers on a short path that agrees with strtod (see relnet/number.h). */
#include "relnet/number.h"

#include <float.h>
#include <stdint.h>
#include <stdlib.h>

/* Powers of ten a double holds exactly (5^22 < 2^53). */
static const double exact_pow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};
#define MAX_EXACT_POW10 22
#define MAX_EXACT_INT ((uint64_t)1 << 53)

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads s as digits[.digits]; 1 with *out and *end when the fast path
   gives strtod's result, 0 when strtod must decide. */
static int plain_decimal(const char *s, double *out, const char **end)
{
#if FLT_EVAL_METHOD == 0 /* doubles are computed in double precision */
    const char *p = s;
    uint64_t mantissa = 0;
    int digits = 0, fraction = 0;
    for (; is_digit(*p); p++, digits++) {
        if (mantissa > (UINT64_MAX - 9) / 10)
            return 0;
        mantissa = mantissa * 10 + (uint64_t)(*p - '0');
    }
    if (*p == '.') {
        for (p++; is_digit(*p); p++, digits++, fraction++) {
            if (mantissa > (UINT64_MAX - 9) / 10)
                return 0;
            mantissa = mantissa * 10 + (uint64_t)(*p - '0');
        }
    }
    /* No digit at all ("", ".", "inf"), or an exponent or hexadecimal
       prefix strtod would read on. */
    if (digits == 0 || *p == 'e' || *p == 'E' || *p == 'x' || *p == 'X')
        return 0;
    if (mantissa > MAX_EXACT_INT || fraction > MAX_EXACT_POW10)
        return 0;
    *out = (double)mantissa / exact_pow10[fraction];
    *end = p;
    return 1;
#else
    (void)s;
    (void)out;
    (void)end;
    return 0;
#endif
}

double rn_strtod(const char *s, char **end)
{
    double v;
    const char *stop;
    if (!plain_decimal(s, &v, &stop))
        return strtod(s, end);
    if (end)
        *end = (char *)stop;
    return v;
}
